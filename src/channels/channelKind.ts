/** The families of channels the renderers know. `plain` is the safe default. */
export type ChannelKind = 'teams' | 'webchat' | 'whatsapp' | 'sms' | 'plain';

export interface ChannelMapping {
  whatsappIds: readonly string[];
  smsIds: readonly string[];
}

/** Decides the channel kind from `activity.channelId`; unknown channels get plain text. */
export function channelKindOf(channelId: string | undefined, mapping: ChannelMapping): ChannelKind {
  const id = (channelId ?? '').toLowerCase();
  switch (id) {
    case 'msteams':
      return 'teams';
    case 'webchat':
    case 'directline':
    case 'emulator':
    case 'test':
      return 'webchat';
    default:
      if (mapping.whatsappIds.includes(id)) return 'whatsapp';
      if (mapping.smsIds.includes(id)) return 'sms';
      return 'plain';
  }
}
