/** The staff API as staff use it: with the token, JSON in and out. */
export function staffApi(url: () => string, token: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url()}/api/staff${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    call,
    send: (texts: Record<string, { title: string; text: string }>, sendAt?: string) => call('POST', '/updates', { texts, ...(sendAt && { sendAt }) }),
    report: async (id: string) => (await call('GET', `/updates/${id}`)).body,
    /** Asks for the report until the update has finished sending (as the console does). */
    async finished(id: string) {
      for (;;) {
        const update = await this.report(id);
        if (update.state === 'finished') return update;
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/** The same update in three languages. */
export const THREE_LANGUAGES = {
  en: { title: 'Measles vaccination this week', text: 'Free measles vaccines for children at the Central clinic, Monday to Friday.' },
  fr: { title: 'Vaccination contre la rougeole cette semaine', text: 'Vaccins gratuits contre la rougeole pour les enfants au centre Central, du lundi au vendredi.' },
  es: { title: 'Vacunación contra el sarampión esta semana', text: 'Vacunas gratuitas contra el sarampión para niños en el centro Central, de lunes a viernes.' },
};
