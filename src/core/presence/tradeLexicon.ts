// What customers are called across trades, in German and English, beyond Kunde/customer/user
// (those live in lexicon.ts). Each word carries a tier:
//  - "strong": a customer in practically every company chat (Patientinnen, Fahrgäste,
//    policyholders);
//  - "weak": usually a customer, but staff or the public are sometimes meant (Mitglieder,
//    Bewohner, students, readers) — the classifier weighs these lower;
//  - a list of industry presets: too ambiguous by default (Besucher, visitors, Händler,
//    players), a customer only in a workspace of that trade.
// German words are matched as the head of a compound (Hotelgäste, Kassenpatientin,
// Bauherrin) and, where `modifier` is set, as its first part (Patientenakte, Gästebewertung);
// `notPrefix`/`notSuffix` name the compounds that mean something else (Vermieter,
// Gastronomie, Bürgermeister, Teammitglied).

export const INDUSTRY_PRESETS = [
  "healthcare",
  "hospitality",
  "transport",
  "insurance",
  "legal-tax",
  "retail",
  "b2b",
  "public",
  "software",
] as const;
export type IndustryPreset = (typeof INDUSTRY_PRESETS)[number];

export type Tier = "strong" | "weak" | readonly IndustryPreset[];

export interface GermanNoun {
  forms: readonly string[];
  tier: Tier;
  /** What may not precede the word inside a compound (the rest of the token before it). */
  notPrefix?: RegExp;
  /** What may not follow the word when it starts a compound. */
  notSuffix?: RegExp;
  /** Counted as compound head only after one of these (Kursteilnehmer, Paketempfänger). */
  onlyAfter?: RegExp;
  /** The word may start a compound (Patientenakte); the listed forms double as modifiers. */
  modifier?: boolean;
  /** A nominalised adjective (Versicherte, Reisende): needs a capital letter in the text. */
  capital?: boolean;
}

export interface EnglishNoun {
  forms: readonly string[];
  tier: Tier;
  /** Words right before it that make it something else ("guest wifi" is after, "team member" before). */
  notBefore?: ReadonlySet<string>;
  notAfter?: ReadonlySet<string>;
  /** Counted only after one of these words ("pet owners", "website visitors"). */
  onlyBefore?: ReadonlySet<string>;
}

function set(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** German nouns for customers, by trade. */
export const GERMAN_NOUNS: readonly GermanNoun[] = [
  // healthcare, care, pharmacy, veterinary
  {
    forms: ["patient", "patienten", "patientin", "patientinnen"],
    tier: "strong",
    modifier: true,
    notSuffix: /^(?:en)?(?:tabelle|datenbank|schema|id|nummer)/u,
  },
  { forms: ["pflegebedürftige", "pflegebedürftigen", "pflegebedürftiger"], tier: "strong", capital: true },
  {
    forms: ["angehörige", "angehörigen", "angehöriger"],
    tier: "weak",
    capital: true,
    notPrefix: /(?:betriebs|firmen|unternehmens|dienst|bundeswehr|konzern|staats|berufs|werks)$/u,
  },
  {
    forms: ["bewohner", "bewohnern", "bewohnerin", "bewohnerinnen", "bewohners", "bewohnerschaft"],
    tier: "weak",
    modifier: true,
    notPrefix: /(?:mit|wg)$/u,
  },
  {
    forms: [
      "tierhalter",
      "tierhalterin",
      "tierhalterinnen",
      "tierhaltern",
      "hundehalter",
      "hundehalterin",
      "hundehaltern",
      "katzenhalter",
      "pferdehalter",
      "fahrzeughalter",
      "fahrzeughalterin",
    ],
    tier: "strong",
  },
  {
    forms: [
      "tierbesitzer",
      "tierbesitzerin",
      "tierbesitzern",
      "hundebesitzer",
      "hundebesitzerin",
      "katzenbesitzer",
      "katzenbesitzerin",
      "haustierbesitzer",
      "autobesitzer",
      "autobesitzerin",
      "hausbesitzer",
      "hausbesitzerin",
      "wohnungsbesitzer",
    ],
    tier: "strong",
  },
  { forms: ["herrchen", "frauchen"], tier: ["healthcare", "retail"] },
  // hospitality, travel, transport
  {
    forms: ["gast", "gastes", "gasts", "gäste", "gästen", "gästin", "gästinnen"],
    tier: "strong",
    modifier: true,
    notPrefix: /(?:talk|studio|ehren)$/u,
    notSuffix:
      /^(?:geber|ronom|ro$|ros$|hof|höfe|haus|häuser|stätte|wirt|arbeiter|familie|land|länder|mannschaft|professor|dozent|redner|vortr[aä]g|beitr[aä]g|autor|kommentar|zug[aä]ng|wlan|w-lan|konto|konten|account|netz|spiel|freundschaft|freundlich|mahl|recht|stück|rolle|auftritt|musiker|künstler|kurator|lehr|semester|stud|wissenschaft|forsch|sprecher|moderat|dirigent|sänger|schauspiel|ausweis|karte|parkplatz|büro)/u,
  },
  {
    forms: ["passagier", "passagiere", "passagieren", "passagiers", "passagierin", "passagierinnen"],
    tier: "strong",
    modifier: true,
  },
  {
    forms: ["reisende", "reisenden", "reisender"],
    tier: "strong",
    capital: true,
    notPrefix: /(?:handlungs|dienst|geschäfts|firmen)$/u,
  },
  { forms: ["pendler", "pendlern", "pendlerin", "pendlerinnen"], tier: "weak" },
  {
    forms: [
      "urlauber",
      "urlaubern",
      "urlauberin",
      "urlauberinnen",
      "tourist",
      "touristen",
      "touristin",
      "touristinnen",
    ],
    tier: "weak",
  },
  { forms: ["fahrschüler", "fahrschülerin", "fahrschülerinnen", "fahrschülern"], tier: "strong" },
  // insurance, banking, legal and tax (Mandant and Klient are in lexicon.ts)
  {
    forms: ["versicherte", "versicherten", "versicherter"],
    tier: "strong",
    capital: true,
    notPrefix: /(?:un|mit|nicht)$/u,
  },
  {
    forms: [
      "versicherungsnehmer",
      "versicherungsnehmerin",
      "versicherungsnehmerinnen",
      "versicherungsnehmern",
      "versicherungsnehmers",
    ],
    tier: "strong",
  },
  {
    forms: [
      "kreditnehmer",
      "kreditnehmerin",
      "kreditnehmern",
      "darlehensnehmer",
      "darlehensnehmerin",
      "darlehensnehmern",
    ],
    tier: "strong",
  },
  {
    forms: [
      "kontoinhaber",
      "kontoinhaberin",
      "kontoinhabern",
      "karteninhaber",
      "karteninhaberin",
      "karteninhabern",
      "anschlussinhaber",
      "anschlussinhaberin",
      "policeninhaber",
    ],
    tier: "strong",
  },
  {
    forms: ["anleger", "anlegern", "anlegerin", "anlegerinnen", "sparer", "sparern", "sparerin", "sparerinnen"],
    tier: "weak",
    notPrefix: /(?:boots|schiffs|ein)$/u,
  },
  {
    forms: ["steuerpflichtige", "steuerpflichtigen", "steuerpflichtiger"],
    tier: ["legal-tax", "public"],
    capital: true,
  },
  { forms: ["erben"], tier: ["legal-tax"] },
  // property, public offices, education
  {
    forms: ["mieter", "mietern", "mieterin", "mieterinnen", "mieters", "mieterschaft"],
    tier: "strong",
    modifier: true,
    notPrefix: /(?:^ver|ver)$/u,
    notSuffix: /^(?:höhung|hoehung|trag)/u,
  },
  {
    forms: ["eigentümer", "eigentümern", "eigentümerin", "eigentümerinnen"],
    tier: "weak",
    notPrefix: /(?:firmen|mit|haupt|unternehmens|allein|gesellschafter)$/u,
  },
  {
    forms: ["bürger", "bürgern", "bürgerin", "bürgerinnen", "einwohner", "einwohnern", "einwohnerin", "einwohnerinnen"],
    tier: "weak",
    modifier: true,
    notPrefix: /(?:ehren|staats|mit|welt)$/u,
    notSuffix:
      /^(?:meister|steig|tum|lich|recht|pflicht|krieg|geld|versicherung|schaft|initiative|ber[aä]t|zahl|melde)/u,
  },
  {
    forms: [
      "antragsteller",
      "antragstellerin",
      "antragstellerinnen",
      "antragstellern",
      "antragstellenden",
      "antragstellende",
    ],
    tier: "weak",
  },
  {
    forms: [
      "leistungsempfänger",
      "leistungsempfängerin",
      "leistungsempfängern",
      "paketempfänger",
      "paketempfängerin",
      "paketempfängern",
      "sendungsempfänger",
      "sendungsempfängern",
    ],
    tier: "weak",
  },
  { forms: ["empfänger", "empfängern", "empfängerin"], tier: ["b2b"] },
  { forms: ["studierende", "studierenden", "studierender"], tier: "weak", capital: true },
  {
    forms: ["student", "studenten", "studentin", "studentinnen"],
    tier: "weak",
    notPrefix: /(?:werk|gast)$/u,
    notSuffix: /^(?:en)?(?:job|jobs|ausweis|werk|vertreter|rat|parlament|wohnheim)/u,
  },
  {
    forms: ["schüler", "schülern", "schülerin", "schülerinnen", "schülerschaft"],
    tier: "weak",
    notPrefix: /(?:mit|fahr)$/u,
    notSuffix: /^(?:praktik|austausch|zeit)/u,
  },
  {
    forms: ["lernende", "lernenden", "teilnehmende", "teilnehmenden"],
    tier: "weak",
    capital: true,
    notPrefix: /(?:meeting|call|sitzungs|besprechungs|konferenz)$/u,
  },
  {
    forms: ["teilnehmer", "teilnehmern", "teilnehmerin", "teilnehmerinnen"],
    tier: "weak",
    onlyAfter: /(?:kurs|seminar|schulungs|workshop|lehrgangs|reise|programm|studien|webinar|bootcamp|trainings)$/u,
  },
  { forms: ["teilnehmer", "teilnehmern", "teilnehmerin", "teilnehmerinnen"], tier: ["public", "b2b"] },
  { forms: ["eltern", "elternteil", "elternteile"], tier: ["public"], notSuffix: /^(?:zeit|geld|teil)/u },
  // b2b, building, retail
  {
    forms: ["bauherr", "bauherrn", "bauherren", "bauherrin", "bauherrinnen", "bauherrschaft"],
    tier: "strong",
    modifier: true,
  },
  { forms: ["abnehmer", "abnehmern", "abnehmerin"], tier: "weak", notPrefix: /(?:gewichts|telefon|ab)$/u },
  { forms: ["besteller", "bestellern", "bestellerin"], tier: "strong", notPrefix: /(?:bier|lied|wunsch)$/u },
  {
    forms: ["händler", "händlern", "händlerin", "händlerinnen", "vertragshändler", "vertragshändlern"],
    tier: ["b2b", "retail"],
    notPrefix: /(?:ver|fach)$/u,
  },
  {
    forms: ["besucher", "besuchern", "besucherin", "besucherinnen"],
    tier: "weak",
    modifier: true,
    onlyAfter:
      /(?:website|webseiten|seiten|shop|online|messe|museums|kino|theater|konzert|park|stadion|ausstellungs|event|festival|zoo|bäder|bad|schwimmbad|markt|filial|laden)$/u,
  },
  {
    forms: ["besucher", "besuchern", "besucherin", "besucherinnen", "besucherzahl", "besucherzahlen"],
    tier: ["public", "hospitality", "retail"],
  },
  // media, sport, clubs, events
  {
    forms: ["mitglied", "mitglieder", "mitgliedern", "mitglieds"],
    tier: "weak",
    modifier: true,
    notPrefix:
      /(?:team|vorstands|aufsichtsrats|betriebsrats|personalrats|gremien|ausschuss|ausschuß|fraktions|partei|projekt|familien|crew|kommissions|rats|jury|ensemble|band|gründungs|kabinetts|bundestags|landtags|gremiums|kollegiums|redaktions|arbeitsgruppen|ag|prüfungsausschuss|geschäftsleitungs|leitungs|gewerkschafts)$/u,
    notSuffix: /^(?:s?staat|s?land|s?länder|er?staat)/u,
  },
  { forms: ["mitgliedschaft", "mitgliedschaften"], tier: "weak" },
  {
    forms: ["leser", "lesern", "leserin", "leserinnen", "leserschaft"],
    tier: "weak",
    modifier: true,
    notPrefix:
      /(?:vor|karten|barcode|qr|qr-code|chip|rfid|nfc|feed|korrektur|gedanken|fingerabdruck|ausweis|kennzeichen|ebook|e-book|code|pdf)$/u,
    notSuffix: /^(?:gerät|modul)/u,
  },
  {
    forms: [
      "zuschauer",
      "zuschauern",
      "zuschauerin",
      "zuschauerinnen",
      "zuhörer",
      "zuhörern",
      "zuhörerin",
      "zuhörerinnen",
      "hörerin",
      "hörerinnen",
      "hörerschaft",
    ],
    tier: "weak",
    modifier: true,
  },
  { forms: ["publikum", "publikums"], tier: "weak", notPrefix: /(?:fach)$/u },
  {
    forms: ["spenderin", "spenderinnen", "spendern"],
    tier: "weak",
    notPrefix: /(?:seifen|desinfektions|handtuch|papier|wasser|mittel)$/u,
  },
  { forms: ["anrufer", "anrufern", "anruferin", "anruferinnen"], tier: "weak" },
  {
    forms: ["spieler", "spielern", "spielerin", "spielerinnen", "gamer", "gamerin", "gamern"],
    tier: ["software"],
    notPrefix: /(?:mit|gegen|fußball|schau|cd|dvd|mp3|blu-ray|video)$/u,
  },
];

/** English nouns for customers, by trade (customer, client, user, shopper... are in lexicon.ts). */
export const ENGLISH_NOUNS: readonly EnglishNoun[] = [
  // healthcare and care
  { forms: ["patient", "patients", "patient's", "patients'"], tier: "strong" },
  { forms: ["inpatient", "inpatients", "outpatient", "outpatients"], tier: "strong" },
  {
    forms: ["resident", "residents", "resident's", "residents'"],
    tier: "weak",
    notBefore: set("tax non non- artist"),
    notAfter: set(
      "dba expert engineer architect evil set memory developer designer doctor doctors physician physicians set in",
    ),
  },
  { forms: ["relatives"], tier: ["healthcare"] },
  {
    forms: ["owner", "owners", "owner's", "owners'"],
    tier: "strong",
    onlyBefore: set("pet dog cat horse car vehicle home house property apartment flat business boat"),
  },
  // hospitality and travel
  {
    forms: ["guest", "guests", "guest's", "guests'"],
    tier: "strong",
    notAfter: set(
      "wifi wi-fi network networks speaker speakers lecture lectures lecturer post posts blog account accounts user users mode access pass passes badge badges star stars appearance editor editors artist artists judge judges book professor column columns author authors voucher vouchers login ssid vlan host hosts os vm",
    ),
    notBefore: set("talk-show podcast show"),
  },
  {
    forms: [
      "regulars",
      "walk-ins",
      "walkins",
      "diner",
      "diners",
      "patron",
      "patrons",
      "holidaymaker",
      "holidaymakers",
      "vacationer",
      "vacationers",
      "vacationers'",
      "hotelgoer",
      "hotelgoers",
      "concertgoer",
      "concertgoers",
      "festivalgoer",
      "festivalgoers",
      "festival-goers",
      "theatregoers",
      "moviegoers",
    ],
    tier: "strong",
  },
  { forms: ["tourist", "tourists"], tier: "weak" },
  {
    forms: [
      "passenger",
      "passengers",
      "passenger's",
      "passengers'",
      "commuter",
      "commuters",
      "flyer",
      "flyers",
      "flier",
      "fliers",
    ],
    tier: "strong",
    notBefore: set("print paper printed marketing"),
  },
  { forms: ["traveller", "travellers", "traveler", "travelers", "traveller's", "traveler's"], tier: "weak" },
  { forms: ["rider", "riders", "ridership"], tier: ["transport"] },
  // insurance, banking, legal and tax
  {
    forms: [
      "policyholder",
      "policyholders",
      "policy-holder",
      "policy-holders",
      "policyholder's",
      "claimant",
      "claimants",
      "claimant's",
      "insured",
      "insured's",
    ],
    tier: "strong",
    notAfter: set("value values amount amounts sum sums risk risks"),
  },
  {
    forms: [
      "borrower",
      "borrowers",
      "depositor",
      "depositors",
      "cardholder",
      "cardholders",
      "card-holders",
      "accountholder",
      "accountholders",
      "homeowner",
      "homeowners",
      "householder",
      "householders",
      "leaseholder",
      "leaseholders",
    ],
    tier: "strong",
  },
  { forms: ["taxpayer", "taxpayers"], tier: "weak" },
  { forms: ["investor", "investors"], tier: ["insurance", "legal-tax"] },
  { forms: ["beneficiary", "beneficiaries"], tier: ["insurance", "public"] },
  // property, public, education
  {
    forms: ["tenant", "tenants", "tenant's", "tenants'"],
    tier: "strong",
    notBefore: set(
      "multi multi- single test default azure aad entra m365 o365 office365 staging prod production dev sandbox demo per each new-tenant",
    ),
    notAfter: set(
      "id ids config configuration configs settings database databases db dbs isolation admin admins name names key keys schema schemas domain domains url urls header headers table column field context data directory resolver slug switcher api",
    ),
  },
  { forms: ["citizen", "citizens", "citizen's", "citizens'"], tier: "weak" },
  {
    forms: ["student", "students", "student's", "students'"],
    tier: "weak",
    notBefore: set("working intern"),
    notAfter: set("intern interns job jobs worker workers assistant assistants loan loans union"),
  },
  { forms: ["learner", "learners", "pupil", "pupils"], tier: "weak" },
  { forms: ["applicant", "applicants"], tier: ["public", "insurance"], notBefore: set("job role position") },
  {
    forms: ["parent", "parents"],
    tier: ["public"],
    notAfter: set("company companies class classes node nodes element elements process directory folder id ids"),
  },
  { forms: ["attendee", "attendees", "participant", "participants", "delegate", "delegates"], tier: ["b2b", "public"] },
  // b2b, retail, logistics
  { forms: ["consignee", "consignees", "shipper", "shippers"], tier: "weak" },
  { forms: ["recipient", "recipients"], tier: "weak", onlyBefore: set("parcel package delivery") },
  { forms: ["recipient", "recipients"], tier: ["b2b"] },
  {
    forms: [
      "dealer",
      "dealers",
      "reseller",
      "resellers",
      "distributor",
      "distributors",
      "retailer",
      "retailers",
      "stockist",
      "stockists",
    ],
    tier: ["b2b"],
  },
  {
    forms: ["visitor", "visitors", "visitor's"],
    tier: "weak",
    onlyBefore: set(
      "website site web shop store museum gallery park zoo festival concert exhibition theme-park stadium app venue returning repeat first-time unique",
    ),
  },
  { forms: ["visitor", "visitors", "visitor's"], tier: ["public", "hospitality", "retail"] },
  { forms: ["signup", "signups", "sign-up", "sign-ups", "trialist", "trialists", "trialer", "trialers"], tier: "weak" },
  {
    forms: ["leads"],
    tier: "weak",
    notBefore: set("team tech technical squad project engineering design product dev qa program programme test"),
  },
  // media, sport, clubs
  {
    forms: ["member", "members", "member's", "members'", "membership", "memberships"],
    tier: "weak",
    notBefore: set(
      "team staff board crew family committee council faculty cast band core founding panel jury org organisation organization parliament union channel group project squad platform tribe guild chapter works cabinet senate congress new-team my your his her their security engineering sales marketing ops support design product leadership exec executive management household",
    ),
  },
  {
    forms: ["reader", "readers", "reader's", "readers'", "readership"],
    tier: "weak",
    notBefore: set(
      "card badge barcode qr rfid nfc screen pdf feed rss e-book ebook kindle code meter chip smart-card fingerprint mind",
    ),
  },
  {
    forms: ["viewer", "viewers", "viewership", "listener", "listeners", "listenership"],
    tier: "weak",
    notBefore: set("pdf log image file photo document event click key change scroll resize dom socket port tcp http"),
  },
  { forms: ["donor", "donors", "donor's"], tier: "weak" },
  { forms: ["gamer", "gamers"], tier: "weak" },
  {
    forms: ["player", "players", "player's"],
    tier: ["software"],
    notBefore: set("video media audio music mp3 dvd blu-ray cd team key football soccer"),
  },
  { forms: ["caller", "callers"], tier: "weak", notAfter: set("id ids function method stack frame") },
];
