import type { LanguageCode } from './language.ts'

/** How a message writes numbers: the request's culture (SO-Culture, else the language's). */
export type NumberText = (value: number) => string

type Message<P> = { US: (p: P, n: NumberText) => string } & Partial<
  Record<LanguageCode, (p: P, n: NumberText) => string>
>

const message = <P>(texts: Message<P>) => texts

/**
 * The service's own problem messages for content negotiation and the locale headers, per
 * language (US when a language has no text). Numbers go through the culture.
 */
export const messages = {
  notAcceptable: message<{ accept: string; produced: string[] }>({
    US: (p) => `None of "${p.accept}" can be produced; ask for ${p.produced.join(', ')}.`,
    NO: (p) => `Ingen av "${p.accept}" kan leveres; be om ${p.produced.join(', ')}.`,
  }),
  unsupportedMediaType: message<{ type: string; accepted: string[] }>({
    US: (p) => `Content-Type ${p.type} is not accepted here; send ${p.accepted.join(', ')}.`,
    NO: (p) => `Content-Type ${p.type} godtas ikke her; send ${p.accepted.join(', ')}.`,
  }),
  unsupportedCharset: message<{ charset: string }>({
    US: (p) => `The body must be UTF-8, not ${p.charset}.`,
    NO: (p) => `Innholdet må være UTF-8, ikke ${p.charset}.`,
  }),
  jsonMalformed: message<{ reason: string }>({
    US: (p) => `The body is not valid JSON: ${p.reason}`,
    NO: (p) => `Innholdet er ikke gyldig JSON: ${p.reason}`,
  }),
  xmlDoctype: message<Record<string, never>>({
    US: () => 'XML with a DOCTYPE is not accepted.',
    NO: () => 'XML med DOCTYPE godtas ikke.',
  }),
  xmlMalformed: message<{ reason: string; line?: number }>({
    US: (p, n) =>
      `The body is not well-formed XML${p.line ? ` (line ${n(p.line)})` : ''}: ${p.reason}`,
    NO: (p, n) =>
      `Innholdet er ikke velformet XML${p.line ? ` (linje ${n(p.line)})` : ''}: ${p.reason}`,
  }),
  xmlReference: message<{ reference: string }>({
    US: (p) => `The XML reference ${p.reference} is not defined.`,
    NO: (p) => `XML-referansen ${p.reference} er ikke definert.`,
  }),
  xmlRoot: message<Record<string, never>>({
    US: () => 'An XML body must have exactly one root element.',
    NO: () => 'XML-innhold må ha nøyaktig ett rotelement.',
  }),
  tooDeep: message<{ limit: number }>({
    US: (p, n) => `The body nests deeper than ${n(p.limit)} levels.`,
    NO: (p, n) => `Innholdet er nestet dypere enn ${n(p.limit)} nivåer.`,
  }),
  formInvalid: message<{ count: number }>({
    US: (p, n) => `${n(p.count)} invalid key(s) in the form.`,
    NO: (p, n) => `${n(p.count)} ugyldige nøkler i skjemaet.`,
  }),
  formKey: message<{ key: string }>({
    US: (p) => `"${p.key}" is not a key like Title, OwnedBy.AssociateId or Tags[0].Name.`,
    NO: (p) => `"${p.key}" er ikke en nøkkel som Title, OwnedBy.AssociateId eller Tags[0].Name.`,
  }),
  formDepth: message<{ key: string; limit: number }>({
    US: (p, n) => `"${p.key}" nests deeper than ${n(p.limit)} levels.`,
    NO: (p, n) => `"${p.key}" er nestet dypere enn ${n(p.limit)} nivåer.`,
  }),
  formIndex: message<{ key: string; limit: number }>({
    US: (p, n) => `"${p.key}": an array holds at most ${n(p.limit)} items.`,
    NO: (p, n) => `"${p.key}": en liste har høyst ${n(p.limit)} elementer.`,
  }),
  formRepeated: message<{ key: string }>({
    US: (p) => `"${p.key}" is given more than once.`,
    NO: (p) => `"${p.key}" er oppgitt mer enn én gang.`,
  }),
  formMixed: message<{ key: string }>({
    US: (p) => `"${p.key}" has both a value and nested keys.`,
    NO: (p) => `"${p.key}" har både en verdi og underordnede nøkler.`,
  }),
  unknownTimeZone: message<{ zone: string }>({
    US: (p) => `SO-TimeZone "${p.zone}" is not a known time-zone code or IANA name.`,
    NO: (p) => `SO-TimeZone "${p.zone}" er ikke en kjent tidssonekode eller IANA-navn.`,
  }),
  unknownTimeZoneOption: message<{ option: string }>({
    US: (p) => `SO-TimeZone option "${p.option}" is unknown; the only option is includeTZOffset.`,
    NO: (p) => `SO-TimeZone-valget "${p.option}" er ukjent; eneste valg er includeTZOffset.`,
  }),
  invalidCulture: message<{ culture: string }>({
    US: (p) => `SO-Culture "${p.culture}" is not a language tag such as nb-NO or en-US.`,
    NO: (p) => `SO-Culture "${p.culture}" er ikke en språkkode som nb-NO eller en-US.`,
  }),
}

export type Messages = typeof messages
