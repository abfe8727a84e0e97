import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeError, YamlFile } from '../knowledge/yamlFile';

/** The reviewed file of emergency numbers by country, beside the language folders. */
export const EMERGENCY_NUMBERS_FILE = 'emergency-numbers.yaml';

const digits = z.string().regex(/^\d{2,6}$/, 'a number is 2 to 6 digits, as dialled');
const date = z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));

const countrySchema = z
  .object({
    name: z.object({ en: z.string(), fr: z.string(), es: z.string() }),
    calling_code: z.string().regex(/^\d{1,4}$/, 'the calling code is 1 to 4 digits'),
    general: digits.optional(),
    police: digits.optional(),
    ambulance: digits.optional(),
    fire: digits.optional(),
    /** The page that states the numbers; a country without one is not verified (and not used). */
    source: z.string().url().nullable().default(null),
    checked: date,
    verified: z.boolean(),
    note: z.string().default(''),
  })
  .strict()
  .refine((c) => !c.verified || c.source !== null, { message: 'a verified country needs its source', path: ['source'] });

const fileSchema = z
  .object({
    fallback: z.object({ general: z.array(digits).min(1) }).strict(),
    countries: z.record(z.string().regex(/^[A-Z]{2}$/, 'countries are keyed by ISO 3166-1 alpha-2 code'), countrySchema),
  })
  .strict();

export type CountryNumbers = z.infer<typeof countrySchema> & { code: string };

/**
 * Emergency numbers by country (`knowledge/emergency-numbers.yaml`, each with its source). Only
 * entries marked `verified` are used: a wrong number in an emergency is worse than the general
 * 112 / 911, which the reply gives when the country is unknown or unverified.
 */
export class EmergencyNumbers {
  private constructor(
    private readonly countries: ReadonlyMap<string, CountryNumbers>,
    /** The numbers given when the country is not known. */
    readonly fallback: readonly string[],
    /** Calling codes, longest first, for reading a phone number's country. */
    private readonly callingCodes: ReadonlyArray<[string, string]>,
  ) {}

  static load(dir: string): EmergencyNumbers {
    const path = join(dir, EMERGENCY_NUMBERS_FILE);
    if (!existsSync(path)) throw new KnowledgeError(path, 1, 'the emergency numbers file is missing');
    const file = YamlFile.read(path).parse(fileSchema);
    const countries = new Map(
      Object.entries(file.countries)
        .filter(([, c]) => c.verified)
        .map(([code, c]) => [code, { ...c, code }] as const),
    );
    const callingCodes = Object.entries(file.countries)
      .map(([code, c]): [string, string] => [c.calling_code, code])
      // Several countries share +1 (and others): a shared code says nothing about which one.
      .filter(([prefix], _, all) => all.filter(([p]) => p === prefix).length === 1)
      .sort((a, b) => b[0].length - a[0].length);
    return new EmergencyNumbers(countries, file.fallback.general, callingCodes);
  }

  /** A country's verified numbers, if the file has them. */
  forCountry(code: string | undefined): CountryNumbers | undefined {
    return code ? this.countries.get(code.toUpperCase()) : undefined;
  }

  /** The country an international phone number (digits, as WhatsApp gives them) is registered in, if known. */
  countryOfPhone(phone: string | undefined): string | undefined {
    const number = (phone ?? '').replace(/\D/g, '');
    if (number.length < 8) return undefined;
    return this.callingCodes.find(([prefix]) => number.startsWith(prefix))?.[1];
  }
}
