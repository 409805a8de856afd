import { WordSet } from "./wordSet.js";

// Patterns for customers named by person, company or place, for service situations, and for
// the false friends around them (colleagues, departments, internal customers). Patterns on
// the prepared text are case-sensitive (a capital letter is what makes "Frau Krüger" a name);
// patterns on the flat text see lower-cased tokens joined by single spaces.

function words(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

// ---------------------------------------------------------------------------------------
// False friends around customer words
// ---------------------------------------------------------------------------------------

/** "interne Kunden", "internal customer": colleagues in another department. */
export const INTERNAL_BEFORE = /^(?:intern|interne|internen|interner|internem|internal|inhouse|in-house)$/u;

/** "Customer Success room", "customer service team": a department, not customers. */
export const DEPARTMENT_WORD = words(`success service care experience support operations ops insights`);
export const DEPARTMENT_THING = words(`
  team teams room rooms offsite off-site meeting department org organisation organization lead
  leads manager managers director head all-hands budget headcount hire hires hiring function
  desk floor channel standup stand-up retro kickoff party
  `);
/** German compounds: Kundenservice-Team, Kundendienstleiter, Kundenbetreuungsabteilung. */
export const DE_DEPARTMENT_SUFFIX =
  /^(?:service|dienst|betreuung|support|success|center|centre)-?(?:team|raum|bereich|abteilung|leitung|leiter|leiterin|meeting|offsite|etage|stockwerk|standup|weihnachtsfeier)/u;
/** "consumer electronics": products, not people. */
export const CONSUMER_GOODS = words(
  `electronics goods hardware gpu gpus grade version edition devices device card cards`,
);

/** A named person who is a colleague, a supplier or a candidate, not a customer. */
export const INTERNAL_PERSON_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:aus|von|vom|from|in|im|of)\s+(?:der|dem|den|unserer|unserem|unseren|the|our)?\s*(?:Buchhaltung|Personal\p{L}*|HR|IT|Vertrieb|Marketing|Einkauf|Controlling|Geschäftsführung|Finance|Finanz\p{L}*|Accounting|Legal|Rechtsabteilung|Sales|Procurement|Payroll|Lohn\p{L}*|Empfang|Reception|Facilit\p{L}*|Betriebsrat|Team|team|Zentrale|Headquarters|HQ|Entwicklung|Engineering|Support|Kundenservice|Customer Service|Verwaltung|Administration|Poststelle|Geschäftsleitung|Management|Pflegedienstleitung|Küche|Kitchen|Housekeeping|Rezeption|Lager|Warehouse|Werkstatt|Logistik|Qualitätssicherung|QA|Redaktion|Newsroom|Kollegium|staff|office|Office|accounts|Accounts)\b|^\s*(?:,\s*)?(?:unsere?r?|our|die neue|der neue|the new)\s+(?:neue[rn]?\s+|new\s+)?(?:Kolleg\p{L}*|colleague|Azubi|Praktikant\p{L}*|intern|Werkstudent\p{L}*|Teamleit\p{L}*|Chef\p{L}*|boss|manager|Steuerberater\p{L}*|Anwält\p{L}*|Anwalt|lawyer|Lieferant\p{L}*|supplier|vendor)|^\s*(?:ist|is|startet|starts|fängt|joins|kommt zum Vorstellungsgespräch|comes for (?:an|the|her|his) interview)\s+(?:ab|from|am|on|diese|this|nächste|next|bei uns|us|the team|our team|unser Team|im Team)/u;
export const INTERNAL_PERSON_BEFORE =
  /(?:Kolleg\p{L}*|colleague|Bewerber\p{L}*|candidate|Kandidat\p{L}*|Lieferant\p{L}*|supplier|vendor|Vertreter\p{L}*|rep|Techniker\p{L}*|Gutachter\p{L}*|Prüfer\p{L}*|auditor|Referent\p{L}*|speaker|Chef\p{L}*|boss|Vorgesetzte\p{L}*|manager|Steuerberater\p{L}*|Anwalt|Anwältin|Betriebsarzt|Betriebsärztin|Hausmeister\p{L}*|Handwerker\p{L}*|Azubi|Praktikant\p{L}*|Gastvortrag\p{L}*|Vortrag\p{L}*|Interview mit|interview with)\s*[,:]?\s*(?:die|der|den|dem|the|our|unsere?[nmr]?)?\s*$/u;

/** Words that mark the company's own people or hiring: they pull a message away from
 * customers ("Die Bewerberin kommt Dienstag", "shift swap"). */
export const STAFF_CONTEXT =
  / (?:bewerber\p{L}*|bewerbung\p{L}*|kandidat\p{L}*|candidates?|applicants? for the|job applicants?|vorstellungsgespräch\p{L}*|interview(?:ing|s)? (?:two|three|the|a|for)|hiring|recruit\p{L}*|schichtplan\p{L}*|dienstplan\p{L}*|shift swap|swap shifts|rota|roster|payroll|lohnabrechnung\p{L}*|gehaltsabrechnung|urlaubsantr\p{L}*|urlaubsliste|elternzeit|krankmeldung|krankgemeldet|stundenzettel\p{L}*|timesheets?|zeiterfassung\p{L}*|new hire|neue kolleg\p{L}*|unser neuer kollege|onboarding (?:für|for) (?:neue|new) (?:kolleg|mitarbeit|hires|staff)\p{L}*|teammeeting|team meeting|all-hands|betriebsversammlung|personalrat|betriebsrat|weihnachtsfeier|sommerfest|team-event|teamevent|offsite|lieferant\p{L}*|supplier|suppliers|vendor|vendors|großhändler\p{L}*|wholesaler|entwickler\p{L}*|developers?|devs|engineers|mitarbeiter\p{L}*|mitarbeitende\p{L}*|belegschaft|kollegen|kolleginnen|colleagues|azubis|apprentices|trainees|interns|praktikant\p{L}*) /u;

// ---------------------------------------------------------------------------------------
// Customers named by person, company or place. Matched on tokens (customerCues.ts): a word
// from one of these sets next to a capitalised word that is not in NOT_A_NAME.
// ---------------------------------------------------------------------------------------

/** "Frau Krüger", "Herrn Albers", "Mrs. Okafor", "Mr Tanaka" (case-sensitive). */
export const HONORIFICS = new Set([
  "Frau",
  "Herr",
  "Herrn",
  "Fr",
  "Hr",
  "Mr",
  "Mrs",
  "Ms",
  "Mx",
  "Miss",
  "Madame",
  "Monsieur",
]);
/** Titles: "Dr. Lenz" alone is as often a colleague as a customer. */
export const TITLES = new Set(["Dr", "Prof"]);
/** Particles inside names: "Frau von Berg", "Mr. O'Brien" (one token), "Herr de Vries". */
export const NAME_PARTICLES = new Set(["von", "van", "de", "der", "zu", "di", "da", "le", "la"]);

/** "Familie Berger", "Ehepaar Schulz". */
export const FAMILY_WORDS = new Set(["Familie", "Fam", "Ehepaar", "Geschwister", "Eheleute"]);
/** "the Novak family", "the Hartley estate". */
export const FAMILY_AFTER = new Set(["family", "household", "couple", "estate", "families"]);

/** German organisations by type, followed by a name: "Autohaus Riedel", "Apotheke am Markt". */
export const ORG_NOUNS_DE = new Set([
  "Firma",
  "Autohaus",
  "Praxis",
  "Zahnarztpraxis",
  "Arztpraxis",
  "Tierarztpraxis",
  "Hausarztpraxis",
  "Physiopraxis",
  "Kanzlei",
  "Apotheke",
  "Bäckerei",
  "Metzgerei",
  "Fleischerei",
  "Konditorei",
  "Spedition",
  "Stadtwerke",
  "Stadtwerken",
  "Klinik",
  "Klinikum",
  "Brauerei",
  "Schreinerei",
  "Tischlerei",
  "Druckerei",
  "Gärtnerei",
  "Kita",
  "Grundschule",
  "Gemeinde",
  "Stadtverwaltung",
  "Landkreis",
  "Kreisverwaltung",
  "Sparkasse",
  "Volksbank",
  "Raiffeisenbank",
  "Verlag",
  "Möbelhaus",
  "Kaufhaus",
  "Autohändler",
  "Salon",
  "Friseursalon",
  "Pflegedienst",
  "Pflegeheim",
  "Seniorenheim",
  "Wohnungsbaugenossenschaft",
  "Baugenossenschaft",
  "Genossenschaft",
  "Hausverwaltung",
  "Reederei",
  "Molkerei",
  "Bauunternehmen",
  "Baufirma",
  "Handwerksbetrieb",
  "Elektrobetrieb",
  "Malerbetrieb",
  "Gasthaus",
  "Gasthof",
  "Weingut",
  "Hofladen",
  "Buchhandlung",
  "Fahrschule",
  "Tankstelle",
  "Ingenieurbüro",
  "Architekturbüro",
  "Steuerbüro",
  "Reisebüro",
  "Fitnessstudio",
  "Kosmetikstudio",
  "Sanitätshaus",
  "Optiker",
  "Hörakustik",
  "Brauhaus",
  "Hotel",
  "Pension",
  "Restaurant",
  "Café",
  "Bistro",
  "Imbiss",
  "Werkstatt",
  "Kfz-Werkstatt",
  "Agentur",
  "Rösterei",
  "Kaffeerösterei",
]);
/** Words between an organisation type and its name: "Apotheke am Markt", "Praxis Dr. Lenz". */
export const ORG_LINKS = new Set([
  "am",
  "an",
  "der",
  "im",
  "in",
  "zum",
  "zur",
  "vom",
  "von",
  "des",
  "St",
  "Sankt",
  "Dr",
]);

/** The last word of an English company name: "Meridian Health", "Brightline Foods". */
export const ORG_SUFFIXES_EN = new Set([
  "Foods",
  "Health",
  "Healthcare",
  "Group",
  "Logistics",
  "Industries",
  "Dental",
  "Labs",
  "Systems",
  "Solutions",
  "Partners",
  "Holdings",
  "Motors",
  "Steel",
  "Plastics",
  "Engineering",
  "Properties",
  "Analytics",
  "Pharma",
  "Pharmacy",
  "Medical",
  "Clinic",
  "Clinics",
  "Hotels",
  "Retail",
  "Insurance",
  "Capital",
  "Media",
  "Studios",
  "Bakery",
  "Bakeries",
  "Brewery",
  "Farms",
  "Consulting",
  "Technologies",
  "Software",
  "Energy",
  "Utilities",
  "Telecom",
  "Airlines",
  "Airways",
  "Construction",
  "Homes",
  "Realty",
  "Foundation",
  "Manufacturing",
  "Metals",
  "Chemicals",
  "Dairy",
  "Markets",
  "Stores",
  "Supermarkets",
  "Automotive",
  "Aerospace",
  "Robotics",
  "Biotech",
  "Ventures",
  "Enterprises",
  "Associates",
  "Electric",
  "Mining",
  "Shipping",
  "Freight",
  "Packaging",
  "Textiles",
  "Furniture",
  "Kitchens",
  "Restaurants",
  "Fitness",
  "Residences",
  "Builders",
  "Bank",
  "Bancorp",
  "Cooperative",
  "Co-op",
  "Trucking",
  "Transport",
  "Haulage",
  "Distribution",
  "Wholesale",
  "Outfitters",
  "Apparel",
  "Cosmetics",
  "Beverages",
  "Brands",
  "Mills",
  "Works",
  "Corporation",
  "Company",
]);

/** Legal forms after a company name: "Miller Ltd", "Weber AG", "Hansen GmbH" (case-sensitive). */
export const LEGAL_FORMS = new Set([
  "GmbH",
  "AG",
  "Ltd",
  "Inc",
  "LLC",
  "KG",
  "KGaA",
  "SE",
  "Corp",
  "plc",
  "PLC",
  "SA",
  "SARL",
  "BV",
  "B.V",
  "OHG",
  "UG",
  "Pty",
  "S.p.A",
  "GbR",
  "eG",
  "mbH",
  "LLP",
  "NV",
  "AB",
  "AS",
  "Oy",
  "SpA",
  "Srl",
]);

/** "Müller & Söhne", "Vogt & Partner", "Miller & Sons", "Heinemann & Co" (raw text; "&" with
 * spaces is not a token). */
export const AMPERSAND_NAME =
  /(?:^|[^\p{L}])\p{Lu}[\p{L}'-]+\s*&\s*(?:Co\b\.?|Söhne|Sons|Partner|Partners|Associates|Töchter|Daughters|Kollegen|\p{Lu}[\p{L}'-]+)/u;

/** Before a name: "Closed Meridian Health", "signed Globex", "we lost Initech". */
export const SALES_VERBS_BEFORE = new Set([
  "closed",
  "signed",
  "won",
  "lost",
  "onboarded",
  "renewed",
  "landed",
  "churned",
  "upsold",
]);
/** After a name: "Stanton Steel renewed", "Heinemann verlängert", "Harbor has churned". */
export const SALES_VERBS_AFTER = new Set([
  "renewed",
  "signed",
  "churned",
  "cancelled",
  "canceled",
  "upgraded",
  "downgraded",
  "stays",
  "bleibt",
  "verlängert",
  "kündigt",
  "gekündigt",
  "unterschreibt",
  "unterschrieben",
  "reklamiert",
  "wechselt",
]);
/** Auxiliaries between a name and its verb ("Harbor has churned", "Weber hat verlängert"). */
export const AUXILIARIES = new Set(["has", "have", "just", "hat", "haben", "is", "ist", "went", "geht"]);
/** Articles and determiners: "die Lieferung verlängert sich" is a noun, not a name. */
export const ARTICLES = new Set([
  "die",
  "der",
  "das",
  "den",
  "dem",
  "des",
  "ein",
  "eine",
  "einen",
  "einem",
  "einer",
  "the",
  "a",
  "an",
  "our",
  "unser",
  "unsere",
  "unseren",
  "unserem",
  "unserer",
  "this",
  "that",
  "diese",
  "dieser",
  "dieses",
]);

/** After a name: "Brightline Foods order", "the Harper account", "Holloway tickets". */
export const BUSINESS_NOUNS_AFTER_NAME = new Set([
  "order",
  "orders",
  "account",
  "escalation",
  "escalations",
  "tickets",
  "renewal",
  "contract",
  "deal",
  "PO",
  "invoice",
  "invoices",
  "rollout",
  "pilot",
  "onboarding",
  "go-live",
  "QBR",
  "churn",
  "complaint",
  "complaints",
  "shipment",
  "delivery",
  "Bestellung",
  "Auftrag",
  "Reklamation",
  "Lieferung",
  "Eskalation",
  "Tickets",
  "Kündigung",
  "Verlängerung",
  "Rechnung",
]);
/** Before a name: "Reklamation von Müller", "order for Brightline", "Angebot an Weber". */
export const BUSINESS_NOUNS_BEFORE_NAME = new Set([
  "bestellung",
  "auftrag",
  "reklamation",
  "lieferung",
  "anfrage",
  "rechnung",
  "angebot",
  "kündigung",
  "beschwerde",
  "eskalation",
  "order",
  "orders",
  "invoice",
  "quote",
  "proposal",
  "contract",
  "complaint",
  "escalation",
  "renewal",
  "shipment",
  "delivery",
]);
export const NAME_PREPOSITIONS = new Set(["von", "für", "an", "bei", "from", "for", "with", "to", "by"]);

/** Tool and platform names that are accounts of ours, not customer accounts ("GitHub account"). */
export const TECH_ACCOUNT_NAMES_SET = words(`
  aws azure gcp google github gitlab apple microsoft slack jira atlassian stripe paypal twitter
  linkedin facebook instagram meta docker npm heroku vercel netlify cloudflare okta zoom figma
  notion salesforce hubspot mailchimp sentry datadog firebase expo
  `);

/** "auf den Namen Yilmaz", "under the name Chen": a reservation. */
export const RESERVATION_NAME =
  /(?:auf den Namen|unter dem Namen|under the name(?: of)?|in the name of|booked for|gebucht für|reserviert für)\s+\p{Lu}[\p{Ll}'-]+/u;

/** People as service staff speak of customers they do not name: "die Dame", "der ältere
 * Herr", "the lady", "the elderly gentleman". Colleagues are never called that. */
export const PERSON_WORD = new Set([
  "dame",
  "damen",
  "herr",
  "herrn",
  "ehepaar",
  "rentner",
  "rentnerin",
  "rentnerinnen",
  "seniorin",
  "seniorinnen",
  "senioren",
  "brautpaar",
  "lady",
  "ladies",
  "gentleman",
  "gentlemen",
  "gent",
  "elderly",
  "pensioner",
  "pensioners",
  "newlyweds",
  "bride",
  "groom",
  "widow",
  "widower",
]);

/** Capitalised words that are not names (German nouns, weekdays, pronouns...). */
export const NOT_A_NAME = words(`
  I We You He She They It The A An This That These Those Our My Your Their His Her Its Ich Wir
  Sie Er Es Die Der Das Den Dem Des Ein Eine Einen Unser Unsere Mein Meine Dein Kollegen
  Kollege Kollegin Kolleginnen Team Abteilung Vertrieb Lieferant Lieferanten Chef Chefin IT HR
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Montag Dienstag Mittwoch Donnerstag
  Freitag Samstag Sonntag January February March April May June July August September October
  November December Januar Februar März Juni Juli Oktober Dezember Q1 Q2 Q3 Q4 Sales Marketing
  Finance Support Engineering Product Design Ops Legal Procurement Einkauf Buchhaltung
  Personal Mitarbeiter Mitarbeiterin Mitarbeitenden Staff Kunden Kunde Kundin Customer Client
  Google Amazon Microsoft Apple Slack Jira GitHub AWS Azure Stripe Zoom Teams Excel SAP DATEV
  Salesforce HubSpot Confluence Notion Figma Hauptlieferant Zulieferer Partner Agentur Public
  Mental Customer Human Data Platform Internal Global Central Digital Service
  `);

/** "Zimmer 214", "Room 518", "Tisch 6", "table 9", "Bett 3", "bay 4", "seat 14C", "Wohnung 4"
 * (lower-cased). */
export const LOCATOR_WORDS = new Set([
  "zimmer",
  "zi",
  "room",
  "rm",
  "tisch",
  "table",
  "bett",
  "bed",
  "bay",
  "platz",
  "sitzplatz",
  "seat",
  "reihe",
  "row",
  "kabine",
  "cabin",
  "suite",
  "wohnung",
  "whg",
  "apartment",
  "apt",
  "flat",
  "unit",
  "stellplatz",
  "parzelle",
  "koje",
  "berth",
  "appartement",
]);
export const ROOM_NUMBER = /^(?:\p{N}{1,4}[a-z]?|nr|no)$/u;
/** What follows a locator that shows people are meant ("Tisch 6 wartet", "Room 518 asked"). */
export const PERSON_VERB_AFTER =
  /^(?:(?:has|have|had|is|are|was|were|just|still|now|again|also|hat|haben|ist|sind|war|waren|wird|will|möchte|möchten|wollen|gerade|schon|noch|jetzt|heute|wieder|auch|already|today) ){0,3}(?:ask\p{L}*|want\p{L}*|call\p{L}*|complain\p{L}*|report\p{L}*|request\p{L}*|need\p{L}*|order\p{L}*|sent|send\p{L}*|left|leav\p{L}*|check\p{L}*|celebrat\p{L}*|wait\p{L}*|would|says|said|demand\p{L}*|arriv\p{L}*|book\p{L}*|rang|phoned|paid|tipped|refus\p{L}*|wartet|warten|gewartet|fragt|fragen|gefragt|beschwert|beschweren|reist|reisen|bestellt|bestellen|ruft|rufen|angerufen|meldet|melden|gemeldet|braucht|brauchen|klingelt|klingeln|geklingelt|reklamiert|will|möchte|wollte|verlangt|schickt|zahlt|bezahlt|feiert|checkt|kommt|kommen|geht|sich|nach) /u;
/** People before a locator or a bare room number ("die Dame aus der 108", "the guy in 210"). */
export const PERSON_BEFORE_LOCATOR = new Set([
  "gast",
  "gäste",
  "guest",
  "guests",
  "dame",
  "herr",
  "frau",
  "mann",
  "typ",
  "typen",
  "familie",
  "ehepaar",
  "paar",
  "leute",
  "lady",
  "gentleman",
  "guy",
  "man",
  "woman",
  "couple",
  "family",
  "people",
  "folks",
  "kid",
  "kids",
  "kinder",
  "patient",
  "patientin",
  "patienten",
  "bewohner",
  "bewohnerin",
  "resident",
  "tenant",
  "mieter",
  "mieterin",
  "passagier",
  "passagierin",
  "passenger",
  "fahrgast",
  "fahrgäste",
  "diner",
  "diners",
  "party",
  "gruppe",
  "group",
  "pax",
  "angehörigen",
  "relatives",
]);
export const LOCATOR_LINKS = new Set([
  "aus",
  "in",
  "im",
  "auf",
  "von",
  "vom",
  "from",
  "at",
  "on",
  "der",
  "dem",
  "den",
  "the",
  "room",
  "zimmer",
]);

// ---------------------------------------------------------------------------------------
// Service situations
// ---------------------------------------------------------------------------------------

/** Words of customer service: callbacks, bookings, refunds, counters, waiting rooms. Weak
 * alone (suppliers send invoices too); they add up with other cues. */
export const SERVICE_WORD = new WordSet([
  "rückruf*",
  "callback*",
  "call-back",
  "reservierung*",
  "reservation*",
  "buchung*",
  "booking*",
  "umbuchung*",
  "rebook*",
  "check-in",
  "check-out",
  "einchecken",
  "auschecken",
  "rezeption",
  "front-desk",
  "schalter",
  "counter",
  "wartezimmer",
  "waiting-room",
  "sprechstunde*",
  "warteschleife",
  "erstattung*",
  "refund*",
  "gutschrift*",
  "storn*",
  "kulanz*",
  "goodwill",
  "entschädigung*",
  "compensation",
  "rabatt*",
  "discount*",
  "voucher*",
  "gutschein*",
  "lieferzeit*",
  "lieferverzug",
  "sendungsverfolgung",
  "paket",
  "pakete",
  "paketen",
  "parcel",
  "parcels",
  "retoure*",
  "umtausch*",
  "garantie*",
  "gewährleistung*",
  "warranty",
  "mahnung*",
  "nachzahlung*",
  "abrechnung",
  "jahresabrechnung",
  "kündigung",
  "kündigungen",
  "cancellation*",
  "abo",
  "abos",
  "subscription*",
  "tarif",
  "tarife",
  "tarifen",
  "tarifwechsel",
  "vertragslaufzeit",
  "anfrage",
  "anfragen",
  "inquir*",
  "enquir*",
  "beratung",
  "beratungsgespräch",
  "consultation*",
  "termin",
  "termine",
  "terminen",
  "appointment*",
  "no-show*",
  "entlassung",
  "entlassen",
  "discharg*",
  "rezept",
  "rezepte",
  "prescription*",
  "fundbüro",
  "verspätung*",
  "schadensmeldung*",
  "schadenmeldung*",
  "claims",
  "vertragsverlängerung",
  "zimmerservice",
  "room-service",
  "late-checkout",
  "warteliste",
  "waitlist",
  "waiting-list",
  "walk-in",
  "walk-ins",
  "footfall",
  "ridership",
  "bestellung",
  "bestellungen",
  "orders",
  "lieferung",
  "delivery",
  "rechnung",
  "invoice",
  "bill",
]);

/** "Wer bei uns anruft", "anyone who calls us", "people who shop here": customers in general. */
const GENERIC_SUBJECT =
  "(?:wer|whoever|anyone|anybody|someone|somebody|people who|folks who|those who|everyone who|jemand|jeder|jede|wer auch immer)";
const GENERIC_VERB =
  "(?:anruf\\p{L}*|ruft|bestell\\p{L}*|buch\\p{L}*|kauf\\p{L}*|einkauf\\p{L}*|zahlt|fährt|fliegt|übernacht\\p{L}*|bringt|mietet|leiht|schreibt|kontaktiert|call\\p{L}*|order\\p{L}*|book\\p{L}*|buy\\p{L}*|shop\\p{L}*|pays?|flies|rides|stays?|visits?|signs? up|subscribes?|checks? in|walks? in|comes? in|rents?|brings?|kommt|landet|arrives?|lands?|writes?|emails?|contacts?)";
/** "Wer bei uns anruft", "anyone who calls us", "when someone books with us": customers in
 * general. */
export const GENERIC_CUSTOMER = new RegExp(
  ` ${GENERIC_SUBJECT} (?:\\S+ ){0,4}?(?:bei uns|with us|from us|zu uns|to us|uns|us) (?:\\S+ ){0,4}?${GENERIC_VERB}(?= )| ${GENERIC_SUBJECT} (?:\\S+ ){0,3}?${GENERIC_VERB}(?: \\S+){0,2} (?:us|uns|here|hier)(?= )`,
  "u",
);
