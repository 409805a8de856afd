// Word lists and patterns for the built-in customer-presence classifier: the core customer
// words (Kunde, customer, user...) and their false friends, metrics, and the tone words. Trade
// words live in tradeLexicon.ts, named customers in namedLexicon.ts, framing in toneLexicon.ts.
//
// Everything here is compiled once at module load. Conventions:
//  - Word lists (WordSet, WordMap) are looked up per lower-cased token; a trailing "*" marks a
//    stem. Token-level patterns are anchored (^...$) and tested against one token (hyphenated
//    compounds are one token; the classifier also looks at their parts).
//  - Phrase-level patterns run over a "flat" string: the lower-cased tokens of a message
//    (or of one sentence) joined by single spaces and padded with a space at both ends, so
//    " word " is a whole-word match and punctuation marks are tokens of their own.
//  - German words are listed by stem with their inflection endings; compounds are handled
//    by searching for a stem inside the token and checking what comes before/after it.

import { WordMap, WordSet } from "./wordSet.js";

/** Builds a Set from a whitespace-separated list (keeps the lists below readable). */
function words(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** Function words that are never customer words, tone words or emoji: the per-token checks
 * skip them (they are half of every message). */
export const COMMON_WORDS = words(`
  der die das den dem des ein eine einen einem einer eines und oder aber doch sondern denn ist
  sind war waren wird werden wurde wurden hat haben hatte hatten habe hab bin bist seid sein
  wir ihr sie er es ich du man mich mir dich dir uns euch ihm ihn ihnen sich mit von vom zu zur
  zum im in am an auf aus bei beim für über unter vor nach um bis durch gegen ohne als wie was
  wer wo wann warum weil dass ob wenn dann da so auch noch schon nur mal ja gerade
  heute morgen gestern jetzt hier dort diese dieser dieses diesem diesen jede jeder jedes
  kann können könnte muss müssen soll sollen will wollen würde würden gibt geht the a an and or
  but of to in on at for with from by as is are was were be been being have has had do does did
  it its this that these those there here we you they he she i me my our your their his her
  them us will would can could should may might must shall just also then than too now today
  tomorrow yesterday about into over under again if when while because so what who which where
  how why up out off any some all more most other such only own same very get got
  `);

// ---------------------------------------------------------------------------------------
// Customer vocabulary
// ---------------------------------------------------------------------------------------

/** German customer stems, found anywhere inside a compound (Bestandskunden, Kundenfeedback,
 * Endnutzerin, Verbraucherhotline...). Inflection endings are part of the stem match. */
export const DE_CUSTOMER_STEM =
  /kund(?:innen|in|schaft|en|e)|(?:be)?nutzer(?:innen|in|n|s)?|anwender(?:innen|in|n|s)?|käufer(?:innen|in|n|s)?|verbraucher(?:innen|in|n|s)?|abonnent(?:innen|in|en)?|interessent(?:innen|in|en)?|mandant(?:innen|in|en)?|klient(?:innen|in|en|el)?|auftraggeber(?:innen|in|n|s)?|zielgruppe(?:n)?/u;

/** A cheap test before the customer-word, metric and rating patterns below: every word they
 * can match contains one of these (keep it in step with DE_CUSTOMER_STEM, EN_CUSTOMER_WORD,
 * METRIC_TOKEN and RATING_TOKEN). It also names the look-alikes --explain reports as false
 * friends (Gastvortrag, tenant id). */
export const CUSTOMER_HINT =
  /kund|nutzer|anwender|käufer|verbraucher|abonnent|interessent|mandant|klient|auftraggeber|zielgruppe|customer|client|user|shopper|buyer|subscriber|prospect|consumer|purchaser|nps|csat|^ces|churn|complaint|beschwerde|reklam|retour|rezension|rückerstattung|rücksendung|warenkorb|hotline|callcenter|abwander|footfall|ridership|no-show|refund|chargeback|upsell|cross-sell|betatester|clientele|retention|rating|review|bewertung|renewal|^support$|gast|gäst|guest|patient|tenant|mieter|member|mitglied|passag|passeng|account/u;

/** Prefixes that turn "...kunde" into a different word: erkunden/bekunden (verbs),
 * Sekunde, Urkunde (document, but not Agenturkunde), school subjects such as Erdkunde. */
export const KUNDE_NOT_CUSTOMER_PREFIX =
  /(?:^(?:er|be|beur|ur)|(?:^|milli|mikro|nano|piko|zehntel|hundertstel|tausendstel|bruchteils?|viertel|halb|winkel|bogen)se|(?:^|s)ur)$/u;
/** Subjects/expertise ("Erdkunde", "Sachkunde"): only the bare singular is excluded. */
export const KUNDE_SUBJECT_PREFIX =
  /(?:heimat|erd|natur|heil|volks|sach|fach|orts|landes|sprach|pflanzen|tier|gesteins|wappen|münz|stil|himmels|völker|wetter)$/u;

/** A stem preceded by one of these is a technical/test object, not a customer
 * (Testkunde, Datenbanknutzer, Systembenutzer, Jira-Nutzer, Mandanten in a test setup). */
export const DE_TECH_PREFIX =
  /(?:kom|test|dummy|fake|mock|demo|beispiel|staging|sandbox|qa|dev|datenbank|db|system|admin|root|technisch\p{L}*|jira|vpn|confluence|slack|github|gitlab|ldap|domänen|wlan|ssh|sql)$/u;
// "kom" excludes Kommandant (not a Mandant).

/** Stem-specific heads: Verkäufer are our sellers; Stromverbraucher and the "größten
 * Verbraucher" of memory are devices and processes. */
export const KAEUFER_NOT_PREFIX = /ver$/u;
export const VERBRAUCHER_NOT_PREFIX = /(?:strom|energie|ressourcen|speicher|cpu|ram|memory|haupt|groß|wasser|gas)$/u;

/** What may follow a German stem inside a compound and still mean a technical artefact
 * (Kunden-ID, Nutzertabelle, Benutzeroberfläche, Mandantenfähigkeit, User-Agent...). */
export const DE_TECH_SUFFIX =
  /^(?:id|ids|nr|tabelle|table|datenbank|db|objekt|object|entität|entity|schema|endpoint|spalte|column|feld|field|klasse|class|dto|api|model|modell|migration|name|namen|konto|konten|account|rolle|rollen|rechte|gruppe|gruppen|verwaltung|oberfläche|schnittstelle|handbuch|kennung|anlage|story|storys|stories|agent|agenten|verzeichnis|fähig|trennung|schlüssel|kontext|filter|konfiguration|isolation|nah)/u;

/** Prefixes that make a German customer compound disparaging (Horrorkunde, Nervkunde). */
export const DE_NEG_CUSTOMER_PREFIX =
  /(?:horror|albtraum|alptraum|nerv|stress|hölle|besserwisser|klugscheißer|klugscheisser|nörgel|querulanten|schnorrer|idioten|deppen|problem)$/u;
/** Prefixes that make a German customer compound appreciative (Traumkunde, Lieblingskunde). */
export const DE_POS_CUSTOMER_PREFIX = /(?:traum|lieblings|wunsch|herzens)$/u;

/** English customer words, possibly after an allowed compound head (end-user, power users,
 * Pilotkunden's English twin "pilot customer" is two tokens anyway). Group 2 is the stem,
 * group 3 whatever follows it inside the token. */
export const EN_CUSTOMER_WORD =
  /^(end|power|pilot|beta|key|top|new|neu|bestands|stamm|premium|enterprise|business|privat|firmen|groß|gross|haupt)?(customer|client|user|shopper|buyer|subscriber|prospect|consumer|purchaser)(.*)$/u;

/** Plain inflections of the English stems (anything else is a compound suffix). */
export const EN_PLAIN_ENDING = words(`_ s 's s' n in innen ele`);

/** Compound continuations that make an English stem technical (userAgent, username,
 * clientseitig, client-side, Client-Zertifikat, customer_id). */
export const EN_TECH_SUFFIX =
  /^(?:id|ids|name|names|agent|agents|space|land|mode|side|seitig|seite|table|tables|zertifikat|certificate|cert|secret|key|lib|library|software|rechner|programm|anwendung|konfiguration|config|data|daten|dir|home|konto|account|group|gruppe|rolle|role|rechte|verwaltung)/u;

/** Words that, right before an ambiguous English customer word, make it technical. */
export const TECH_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
  client: words(`
    http https api rest restful graphql grpc ssh ftp sftp vpn mail email e-mail imap smtp pop3
    db database sql postgres postgresql mysql redis mongo mongodb kafka s3 aws gcp azure oauth
    oauth2 oidc sso saml ldap web mobile desktop native thin fat rich thick torrent bittorrent
    git slack teams outlook browser test mock fake dummy sdk node python java go golang rust js
    javascript typescript websocket ws tcp udp dns dhcp ntp nfs smb rpc soap irc docker
    kubernetes k8s kube cli headless generated typed openapi swagger vnc rdp citrix nextcloud
    dropbox onedrive sync backup mqtt nats amqp rabbitmq elasticsearch apollo prisma supabase
    firebase axios fetch windows linux macos ios android vpn-client s3-client jdbc odbc
    `),
  user: words(`
    db database datenbank sql postgres postgresql mysql mongo mongodb redis ldap iam aws gcp
    azure root admin administrator sudo system service technical technischer technische test
    dummy fake mock seed demo sample staging qa dev bot linux unix windows local default ssh
    ftp sftp git ci deploy jenkins read-only readonly non-root unprivileged privileged internal
    interne interner internen jira slack confluence github gitlab vpn office google okta sap
    machine api kafka rabbitmq grafana app-store-connect wordpress cms unix-user os guest
    `),
  consumer: words(`
    kafka queue message event api stream rabbitmq sqs kinesis pulsar nats redis amqp mqtt
    downstream upstream internal test service pubsub pub/sub topic grpc webhook json
    `),
  subscriber: words(`
    kafka event topic pubsub redis message queue webhook rxjs observable listener test mqtt
    nats websocket sns channel
    `),
  customer: words(`test dummy fake mock seed demo sample sandbox staging qa dev`),
  buyer: words(`test dummy fake`),
  shopper: words(`test dummy fake`),
  prospect: words(`test dummy fake`),
  purchaser: words(`test dummy fake`),
};

/** Technical words close to an ambiguous user/client word ("Nutzer reporting_ro in der
 * Datenbank", "which user is the cron job running as"). */
export const TECH_NEARBY = words(`
  codeident datenbank database db cron cronjob server ssh sudo ldap postgres mysql grant grants
  schema container docker pod kubectl shell bash linux unix chmod chown uid gid daemon keytab
  staging sandbox deploy deployment konfiguration config azure aad entra
  `);
export const AMBIGUOUS_STEM = /^(?:user|client|consumer|subscriber|(?:be)?nutzer|anwender|tenant|member|mandant)/u;
export const RUNS_AS = / (?:runs?|running|ran|läuft|laufen|lief) as |(?:läuft|laufen|lief) als /u;

/** Words that, right after an ambiguous English customer word, make it technical
 * ("client secret", "user agent", "consumer lag", "customer table"). */
export const TECH_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  client: words(`
    secret secrets id ids certificate certificates cert certs library libraries lib libs sdk
    side code credentials config configuration bundle version versions timeout timeouts error
    errors request requests connection connections socket sockets key keys token tokens package
    packages component components server implementation implementations wrapper instance
    instances object objects cache crash crashes crashed crashing build builds binary binaries
    auth authentication tls ssl port ports ip logs log process thread stub stubs script scripts
    machine machines device devices pc pcs app apps software rendering hook hooks module
    modules class interface zertifikat zertifikate rechner seite anwendung programm bibliothek
    schlüssel konfiguration verbindung installation update updates upgrade restart retries
    retry pool polling heartbeat handshake stürzt startet läuft verbindet seitig seitige seitigen
    `),
  user: words(`
    agent agents table tables id ids name names model models object objects entity entities
    schema schemas record records role roles permission permissions rights group groups
    account accounts space land mode endpoint endpoints api service services class classes
    column columns field fields migration migrations provisioning creation management
    directory store pool pools token tokens password passwords story stories manual guide
    interface interfaces config home dir folder quota quotas principal principals credential
    credentials key keys tabelle konto rolle rechte gruppe
    `),
  consumer: words(`
    group groups lag offset offsets thread threads worker workers key secret side service class
    instance loop process config id api
    `),
  subscriber: words(`class thread method function callback handler queue`),
  customer: words(`
    id ids table tables model models object objects entity entities schema schemas column
    columns field fields endpoint endpoints api class classes dto migration migrations
    `),
};

/** Tokens that are customer metrics or customer-facing channels on their own (NPS, churn,
 * Beschwerdequote, Reklamation, Retouren, Rezensionen, refunds, Hotline...). Tested against
 * the joined compound; see classifier for the few context checks. */
export const METRIC_TOKEN =
  /^(?:nps|csat|ces)(?:\p{L}*)$|^churn\p{L}*$|^complaints?$|^(?:\p{L}*)(?:beschwerde|reklamation|retoure|rezension|rückerstattung|rücksendung|warenkorb|hotline|callcenter|abwanderung)\p{L}*$|^reklamier\p{L}*$|^footfall$|^ridership$|^no-shows?$|^retourniert\p{L}*$|^refunds?$|^refunded$|^chargebacks?$|^abgewandert$|^upsell\p{L}*$|^cross-sell\p{L}*$|^betatester\p{L}*$|^clientele$|^kundschaft$|^retention(?:-?rate)?$/u;

/** Compound heads that turn a metric word into something else (Rückenbeschwerden is back
 * pain, an IT-Hotline serves colleagues). */
export const METRIC_NOT_PREFIX =
  /^(?:rücken|magen|kopf|herz|gelenk|nacken|bauch|atem|hals|darm|zahn|knie|it|it-|intern\p{L}*)/u;

/** Ratings and reviews: customer metrics unless they are code/performance/risk reviews. */
export const RATING_TOKEN =
  /^(?:ratings?|reviews?|bewertungen|bewertung|\p{L}+bewertung(?:en)?|\p{L}*-bewertung(?:en)?)$/u;
export const RATING_NOT_BEFORE = words(`
  credit risk performance severity employee power energy fire octane bond code pr peer design
  architecture security post-mortem postmortem annual quarterly mid-year sprint doc docs
  documentation pull-request merge api legal contract budget salary pipeline test tests
  `);
export const RATING_NOT_PREFIX =
  /^(?:leistungs|mitarbeiter|risiko|unternehmens|code|performance|sicherheits|immobilien|gehalts|jahres|fach|projekt|lieferanten|bonitäts|kredit)/u;
/** Words before a singular "review" that make it a customer review, not a code review. */
export const REVIEW_BEFORE = words(`
  one-star two-star three-star four-star five-star 1-star 2-star 3-star 4-star 5-star star app
  product customer google negative positive bad glowing angry scathing public trustpilot g2
  amazon online yelp
  `);
/** Context that makes a bare "Bewertung"/"rating"/"reviews" clearly customer-facing. */
export const RATING_CONTEXT =
  / (?:app ?store|play ?store|trustpilot|tripadvisor|booking|booking\.com|holidaycheck|jameda|doctolib|g2|capterra|yelp|google|amazon|sterne\p{L}*|stars?|[1-5]-stars?|[1-5]-sterne\p{L}*|one-star|five-star|1-star|5-star|star|app|produkt|product|shop) /u;

/** Business talk that makes a company with a legal form a customer ("Order for Miller Ltd is out"). */
export const BUSINESS_CONTEXT =
  / (?:order|orders|auftrag|aufträge|auftrags\p{L}*|bestellung\p{L}*|lieferung\p{L}*|delivery|deliveries|shipment|shipping|invoice|invoices|rechnung\p{L}*|angebot|quote|offer|contract|vertrag\p{L}*|renewal|deal|po|purchase|projekt|project|call|meeting|termin|visit|besuch|demo|pitch|onboarding|kickoff|kick-off|go-live|signed|unterschrieben|bezahlt|paid|payment|zahlung|mahnung|feedback|ticket|anfrage|request|eskalation|escalation|workshop|präsentation|presentation|proposal|rfp|ausschreibung|lizenz\p{L}*|license|licenses|abo|subscription) /u;
export const SUPPLIER_CONTEXT =
  / (?:lieferant\p{L}*|supplier|suppliers|vendor|vendors|dienstleister\p{L}*|hersteller\p{L}*|zulieferer\p{L}*|partner\p{L}*|agentur\p{L}*|agency|recruit\p{L}*|bewerber\p{L}*|vermieter\p{L}*|landlord) /u;

/** "Account" in the sales sense: "key account", "our largest accounts", "account manager". */
export const SALES_ACCOUNT =
  / (?:key|strategic|enterprise|major|top|largest|biggest|big|named|target|existing|lost|flagship|anchor|priority|lighthouse|reference|referenz|schlüssel|at-risk)[ -]accounts?(?! (?:id|ids|settings|password|credentials|number)) | accounts? (?:manager|managers|management|executive|executives|exec|execs|plan|planning|churn|churned|churning|renewal|renewals|expansion|health) | accounts (?:are |is )?(?:still )?on (?:the |a |our )?\S+ (?:plan|tier|contract|pricing) | key-account\p{L}*|key-accounts? /u;
/** "the Acme account" on the raw text; group 1 is the name, checked against TECH_ACCOUNT. */
export const NAMED_ACCOUNT =
  /(?:^|\s)(?:the|our|den|der|dem|das|unser\p{L}*)\s+(\p{Lu}[\p{L}&]+)[ -][Aa]ccounts?(?![\p{L}])/u;
export const TECH_ACCOUNT_NAMES = words(`
  aws azure gcp google github gitlab apple microsoft slack jira atlassian stripe paypal twitter
  linkedin facebook instagram meta docker npm heroku vercel netlify cloudflare okta admin root
  service test demo sandbox staging prod production dev developer storage billing email mail
  bank company team shared personal user bot zoom figma notion salesforce hubspot mailchimp
  sentry datadog firebase expo apple-developer
  `);

/** Phrases that are about customers without naming them (sales wins, renewals, carts,
 * target groups, support volume). */
export const CUSTOMER_PHRASE =
  / (?:target (?:audience|group)s?|support[ -](?:tickets?|requests?|calls?|queue|volume|anfragen?)|supportanfrage\p{L}*|supportticket\p{L}*|call[ -]cent(?:er|re)s?|conversion[ -]?rate\p{L}*|konversionsrate\p{L}*|(?:abandon\p{L}* (?:the |their |a |his |her )?carts?|carts? abandon\p{L}*|abandoned carts?)|beta[ -]testers?|net promoter|(?:account|card|policy|ticket|season-ticket)[ -]holders?|home[ -]owners?|(?:zitat|quote) (?:aus|from) (?:der |dem |the |a |an |einer |einem |einem )?(?:bewertung\p{L}*|review\p{L}*|feedback\p{L}*|umfrage|survey|call|gespräch|mail|e-mail|email|brief|letter|onboarding-call|kundengespräch)|customer[ -]base|user[ -]base|app[ -]store[ -](?:reviews?|ratings?|bewertung\p{L}*)|(?:[1-5]|one|five|ein|einen|fünf)[ -](?:sterne?n?|stars?)(?: (?:bewertung\p{L}*|reviews?|ratings?))?) /u;
/** A deal/renewal/won order is a customer event. */
export const DEAL_EVENT =
  / (?:(?:the |a |our |den |einen |der )?(?:deal|deals|auftrag|großauftrag|renewal|renewals)(?: \S+){0,4} (?:closed|won|lost|signed|gewonnen|unterschrieben|abgeschlossen|verloren|erhalten|bekommen|erteilt|renewed|verlängert|bestätigt|confirmed|placed|platziert|storniert)|(?:closed|won|lost|signed|landed|gewonnen|verloren) (?:\S+ ){0,3}(?:deal|deals|auftrag|renewal|renewals)|(?:signed|unterschrieben|unterzeichnet) (?:\S+ ){0,3}(?:contract|agreement|renewal|order|po|vertrag|rahmenvertrag|lizenzvertrag|wartungsvertrag)|(?:contract|agreement|vertrag|rahmenvertrag|lizenzvertrag|wartungsvertrag) (?:\S+ ){0,4}(?:signed|unterschrieben|unterzeichnet|verlängert|renewed|gekündigt|cancelled|canceled))(?= )/u;
/** Renewals of things that are not customer contracts. */
export const RENEWAL_NOT_BEFORE = words(`
  certificate cert zertifikats ssl tls domain license lizenz token lease passport visa dhcp
  `);

// ---------------------------------------------------------------------------------------
// Tone vocabulary
// ---------------------------------------------------------------------------------------

/** Negators. "nicht nur"/"not only" and "nicht mal"/"not even" are not negations (see
 * NEGATION_BREAKERS). */
export const NEGATOR =
  /^(?:not|no|never|nor|neither|without|hardly|barely|cannot|\p{L}+n't|dont|doesnt|didnt|isnt|arent|wasnt|werent|cant|couldnt|wont|wouldnt|shouldnt|nicht|nie|niemals|kein|keine|keinen|keinem|keiner|keines|ohne|weder|nimmer|zero|null)$/u;
export const NEGATION_BREAKERS = words(`nur only just mal einmal even`);
/** Words that end a negation's scope even without punctuation. */
export const CLAUSE_BREAK = words(`
  aber but sondern jedoch however though although obwohl weil because denn since während while
  und and
  `);

/** Praise, appreciation, joy and learning words (single tokens). A negator before them
 * cancels them ("nicht zufrieden", "not happy"), which leaves the message neutral, since an
 * unhappy customer reported without contempt is a neutral customer problem. */
const POSITIVE_WORDS = [
  // German praise and joy
  "großartig*",
  "fantastisch*",
  "hervorragend*",
  "ausgezeichnet*",
  "exzellent*",
  "wunderbar*",
  "grandios*",
  "genial*",
  "spitze",
  "spitzenmäßig",
  "prima",
  "klasse",
  "tolle",
  "toller",
  "tolles",
  "tollen",
  "toll",
  "begeistert*",
  "begeisterung",
  "glücklich*",
  "zufrieden",
  "zufriedene",
  "zufriedener",
  "zufriedenen",
  "zufriedenes",
  "hochzufrieden*",
  "stolz*",
  "dankbar*",
  "bedank*",
  "bedankt",
  "wertschätz*",
  "entschuldigt",
  "apologized",
  "apologised",
  "glückwunsch*",
  "gratulier*",
  "gratulation",
  "kompliment*",
  "gelobt",
  "lobt",
  "loben",
  "lob",
  "rekord*",
  "allzeithoch",
  "lieben",
  "liebt",
  "freuen",
  "freut",
  "gefreut",
  "mögen",
  // German learning and empathy
  "lehrreich*",
  "aufschlussreich*",
  "spannend*",
  "interessant*",
  "inspirierend*",
  "wertvoll*",
  "hilfreich*",
  "augenöffnend*",
  "verständlich",
  "nachvollziehbar",
  "berechtigt*",
  "kulanz*",
  "kundenorientiert*",
  "kundenzentriert*",
  "kundennähe",
  "kundenfokus",
  "benutzerfreundlich*",
  "positiv",
  "positive",
  "positiver",
  "positives",
  "positiven",
  "nutzerfreundlich*",
  "kundenfreundlich*",
  // wins
  "unterschrieben",
  "unterzeichnet",
  "gewonnen",
  "zurückgewonnen",
  "verlängert",
  "upgegradet",
  "zugesagt",
  "weiterempfohlen",
  "erfolgreich",
  // English praise and joy
  "awesome",
  "amazing",
  "excellent",
  "fantastic",
  "wonderful",
  "brilliant",
  "outstanding",
  "superb",
  "terrific",
  "fabulous",
  "delighted",
  "thrilled",
  "happy",
  "happier",
  "satisfied",
  "pleased",
  "impressed",
  "glowing",
  "raving",
  "rave",
  "praise*",
  "compliment*",
  "kudos",
  "shoutout",
  "shout-out",
  "bravo",
  "congrats",
  "congratulations",
  "grateful",
  "thankful",
  "appreciat*",
  "thanked",
  "love",
  "loves",
  "loved",
  "loving",
  "enjoy*",
  "all-time",
  "yay",
  "woohoo",
  "hurra",
  "juhu",
  "jippie",
  "hooray",
  "proud",
  "great",
  "super",
  "top",
  "gorgeous",
  "lovely",
  "perfect",
  "perfekt",
  // English learning and empathy
  "eye-opening",
  "insightful",
  "enlightening",
  "inspiring",
  "valuable",
  "helpful",
  "fascinating",
  "interesting",
  "understandable",
  "rightly",
  "sympath*",
  "empath*",
  "mitgefühl",
  "customer-centric",
  "customer-first",
  "customer-obsessed",
  "user-friendly",
  "customer-friendly",
  // English wins
  "signed",
  "won",
  "renewed",
  "upgraded",
  "expanded",
  "successfully",
  "successful",
];

/** Praise words that are ambiguous on their own: "super wichtig" (intensifier), "top
 * request" (rank), "Great, I'll check" (acknowledgement). They count only when predicative
 * or standalone, or before a (capitalised German) noun. */
export const AMBIGUOUS_PRAISE = words(`super top great toll klasse prima perfect perfekt lovely cool`);
/** Words that, after "top"/"super", show they are just a rank or intensifier. */
export const RANK_AFTER = words(`request requests priority prioritäten priorität thema themen
  feature features bug bugs issue issues item items 3 5 10 drei fünf zehn`);

/** Customer metrics where down is good, and where up is good, plus the direction words. */
export const BAD_METRIC =
  /(?:complaint|beschwerde|reklamation|retoure|churn|abwanderung|kündigung|wartezeit|wait(?:ing)? time|refund|rückerstattung|ticket|abbr[uü]ch|abandon|cancellation|storno|escalation|eskalation)/u;
export const GOOD_METRIC =
  /(?:nps|csat|zufriedenheit|satisfaction|rating|bewertung|retention|conversion|weiterempfehlung|sterne|stars|reviews)/u;
export const DECREASE =
  / (?:halbiert|halved|gesunken|gesenkt|gefallen|zurückgegangen|rückläufig|weniger|reduziert|verringert|runter|dropped|drop|fell|decreased|declined|reduced|lower|fewer|cut|shrunk|sank|down by|down to|minus|nur noch|only \d+) /u;
export const INCREASE =
  / (?:gestiegen|steigt|erhöht|verbessert|verdoppelt|höher|zugelegt|rekord\p{L}*|rose|risen|increased|improved|doubled|higher|jumped|grew|climbing|all-time|allzeithoch|up by|up to|is up|are up|went up) /u;
/** "keine Beschwerden mehr", "no complaints", "zero churn". */
export const BAD_METRIC_ABSENT =
  / (?:keine|kein|null|0|no|zero|not a single|keine einzige) (?:\S+ )?(?:complaints?|beschwerde\p{L}*|reklamation\p{L}*|retoure\p{L}*|churn\p{L}*|kündigung\p{L}*|refunds?|escalations?|eskalation\p{L}*) | (?:no|not a single|not one|kein|keine|keiner|niemand|nobody|no one|none of (?:the|our)) (?:\S+ ){0,3}(?:complain\p{L}*|beschwer\p{L}*|reklamiert|gemeckert|churned|gekündigt) /u;

/** Insults and disparaging nouns for people (strong negative). */
const INSULTS = [
  "besserwisser*",
  "klugscheißer*",
  "klugscheisser*",
  "nörgler*",
  "meckerer",
  "querulant*",
  "choleriker*",
  "idiot",
  "idioten",
  "trottel*",
  "depp",
  "deppen",
  "vollpfosten",
  "honk",
  "honks",
  "dau",
  "daus",
  "dödel",
  "dussel",
  "nervensäge*",
  "pfennigfuchser",
  "geizhals",
  "geizhälse",
  "schnorrer",
  "zicke",
  "zicken",
  "heulsuse*",
  "mimose*",
  "jammerlappen",
  "spinner",
  "wutbürger",
  "dummkopf",
  "dummköpfe",
  "witzbold*",
  "kindergarten",
  "hölle",
  "albtraum",
  "alptraum",
  "idiots",
  "moron",
  "morons",
  "imbecile*",
  "fool",
  "fools",
  "clown",
  "clowns",
  "karen",
  "karens",
  "brat",
  "brats",
  "whiner*",
  "freeloader*",
  "cheapskate*",
  "know-it-all*",
  "smartass*",
  "smart-ass*",
  "wiseguy*",
  "troll",
  "trolls",
  "nightmare",
  "dumbass*",
  "muppet*",
  "numpty",
  "luser*",
  "pebkac",
  "id10t",
  "pita",
  "babysit*",
  "tantrum*",
  "wichtigtuer*",
  "schlaumeier*",
  "oberlehrer*",
  "korinthenkacker*",
  "erbsenzähler*",
  "besserwisserei",
  "extrawurst*",
  "diva",
  "divas",
];

/** Disparaging adjectives, strong and mild. Describing some other noun ("nervige Popups",
 * "annoying bug") they count as mild or not at all; with the customer as their object
 * ("annoying for customers") they are empathy (see toneCues.ts). */
const STRONG_ADJECTIVES = [
  "nervig*",
  "lästig*",
  "anstrengend*",
  "dumm",
  "dumme",
  "dummer",
  "dummen",
  "dummes",
  "dümmer*",
  "dämlich*",
  "doof*",
  "blöd*",
  "bescheuert*",
  "beknackt*",
  "idiotisch*",
  "unfähig*",
  "ahnungslos*",
  "planlos*",
  "begriffsstutzig*",
  "lernresistent*",
  "beratungsresistent*",
  "unverschämt*",
  "frech*",
  "dreist*",
  "penetrant*",
  "verwöhnt*",
  "gierig*",
  "geizig*",
  "zickig*",
  "cholerisch*",
  "weinerlich*",
  "nervtötend*",
  "ätzend*",
  "kindisch*",
  "arrogant*",
  "überheblich*",
  "besserwisserisch*",
  "pampig*",
  "unmöglich*",
  "nervend*",
  "annoying",
  "stupid",
  "dumb",
  "dumber",
  "idiotic",
  "moronic",
  "clueless",
  "entitled",
  "whiny",
  "lazy",
  "greedy",
  "incompetent",
  "ignorant",
  "hopeless",
  "useless",
  "pathetic",
  "obnoxious",
  "rude",
  "condescending",
  "needy",
  "spoiled",
  "spoilt",
  "brainless",
  "petty",
  "high-maintenance",
  "irritating",
  "infuriating",
  "exhausting",
  "insufferable",
  "unbearable",
  "tiresome",
  "unreasonable",
  "braindead",
  "brain-dead",
  "stubborn",
];
const MILD_ADJECTIVES = [
  "stur*",
  "anspruchsvoll*",
  "schwierig*",
  "kompliziert*",
  "empfindlich*",
  "furchtbar*",
  "schrecklich*",
  "grauenhaft*",
  "lächerlich*",
  "absurd*",
  "irre",
  "crazy",
  "nuts",
  "insane",
  "ridiculous",
  "absurd",
  "demanding",
  "difficult",
  "impossible",
  "picky",
  "fussy",
  "tedious",
  "painful",
  "pushy",
  "weird",
  "seltsam*",
  "komisch*",
  "mühsam*",
  "tiring",
  "annoyed",
  "genervt",
];
// "annoyed"/"genervt" describe how someone feels; they only add up with other cues
// ("genervt von diesen Kunden").

/** Disparaging verbs for complaining or behaving ("meckern", "whining"). A customer as
 * their object ("Popups nerven Kunden") is not contempt; see classifier. */
const DISPARAGING_VERBS = [
  "meckern",
  "meckert",
  "gemeckert",
  "rummeckern",
  "rumgemeckert",
  "nörgeln",
  "nörgelt",
  "genörgelt",
  "jammern",
  "jammert",
  "gejammert",
  "rumjammern",
  "rumheulen",
  "heulen",
  "heult",
  "rumzicken",
  "motzen",
  "motzt",
  "rummotzen",
  "quengeln",
  "quengelt",
  "nerven",
  "nervt",
  "spinnen",
  "spinnt",
  "whine",
  "whines",
  "whining",
  "whined",
  "moan",
  "moans",
  "moaning",
  "bitch",
  "bitching",
  "bitches",
  "whinge*",
  "annoy",
  "annoys",
];

export type ToneWordKind = "praise" | "insult" | "strongAdjective" | "mildAdjective" | "verb";
/** Every tone word with its kind, looked up once per token. */
export const TONE_WORDS = new WordMap<ToneWordKind>([
  ["praise", POSITIVE_WORDS],
  ["insult", INSULTS],
  ["strongAdjective", STRONG_ADJECTIVES],
  ["mildAdjective", MILD_ADJECTIVES],
  ["verb", DISPARAGING_VERBS],
]);
/** Insults alone: they also mark a customer compound as disparaging ("Besserwisser-User"). */
export const NEG_NOUN = new WordSet(INSULTS);

/** Things an adjective may describe instead of a person ("annoying bug", "dumb question");
 * English has no capitalised nouns, so this short list stands in for noun detection. */
export const THING_NOUNS = words(`
  bug bugs error errors popup popups pop-up pop-ups banner banners feature features process
  form forms page pages ui ux flow flows workflow build builds pipeline test tests meeting
  meetings email emails mail mails notification notifications message messages alert alerts
  ticket tickets task tasks tool tools step steps question questions requirement requirements
  change changes issue issues problem problems thing things stuff week day days deadline
  release deploy deployment migration update version setup config process onboarding login
  checkout captcha timeout delay delays wait outage menu button screen dialog modal wording
  `);

/** Phrases that disparage, blame or mock customers. */
export const NEG_PHRASE_STRONG = new RegExp(
  [
    " (?:hat|haben|hatte|hatten|have|has|had) (?:\\S+ ){0,2}(?:keine ahnung|keinen plan|null ahnung|no idea|no clue|zero clue) ",
    " (?:können|kann|konnte|könnten|can|could) (?:\\S+ ){0,2}(?:nicht|not) (?:mal |even )?(?:lesen|read) | lesen ist (?:\\S+ )?schwer | (?:can't|cannot|cant|can not|never|don't|dont|doesn't) (?:even )?read | learn to read | lesen lernen | rtfm | layer 8 | layer-8 | sitzt vor dem (?:bildschirm|rechner|computer|monitor) ",
    " (?:zu|too|so) (?:dumm|blöd|doof|faul|stupid|dumb|lazy) ",
    " (?:gefälligst|(?:such a|a real|a total|a huge|what a|is a|are a|is such a|ist so ein) pain(?! points?)|(?:are|is|sind|ist|were|waren) (?:\\S+ )?(?:the worst|das letzte|die schlimmsten|die pest)|(?:weiß|wüsste|wüssten|wissen|weiss) (?:\\S+ ){0,2}alles besser|know(?:s)? (?:it all|better than us)|aus der hölle|from hell|pain in the (?:ass|neck|butt)|selbst schuld|(?:their|his|her|its) own fault|ihre eigene schuld|seine eigene schuld|wie kleine kinder|like (?:little )?children|like toddlers|babysitter|händchen halten|hand-holding|händchenhalten) ",
    " (?:na toll|na super|na klasse|na prima|na wunderbar|na bravo|oh great|oh joy|oh wonderful|just great|just perfect|just what we needed|genau das,? was wir brauch\\p{L}*|great , another|toll , (?:schon )?wieder|super , (?:schon )?wieder|yay , another|love it when|i just love (?:it )?when|gotta love|got to love|muss man (?:sie |die )?lieben|ich liebe es,? wenn|liebe es , wenn) ",
  ].join("|"),
  "u",
);
/** Sentences that are only a praise word or two: sarcastic after bad news ("Fantastic."),
 * sincere otherwise ("Der Kunde hat verlängert. Großartig!"). */
export const LONE_PRAISE =
  /^ (?:(?:oh|na|just|einfach|echt|wirklich|really|so|how|wie|absolutely|absolut) )?(?:fantastic|fantastisch|great|wonderful|wunderbar|lovely|perfect|perfekt|awesome|brilliant|super|toll|klasse|herrlich|prima|spitze|genial|großartig|amazing|yay|love it|excellent|exzellent|nice|schön|cool|bravo|klasse sache|what fun|how fun|fun times|splendid)(?: (?:!|\.|…|\?))* $/u;
/** Bad news that makes a lone praise word sarcastic. */
export const BAD_EVENT =
  / (?:again|another|wieder|yell\p{L}*|scream\p{L}*|schreit|brüllt|complain\p{L}*|beschwer\p{L}*|meckert|broken|kaputt|down|ausgefallen|bug|bugs|eskal\p{L}*|escalat\p{L}*|droht|threaten\p{L}*|angry|sauer|wütend|entitled|refund\p{L}*|storniert|cancel\p{L}*|gekündigt|kündigt|churn\p{L}*|demands?|fordert|verlangt|ticket|tickets) /u;

// Emoji: positive ones signal appreciation or a win; the negative ones are eye-rolls,
// facepalms and worse, i.e. mockery; laughing emoji next to a customer are mild mockery.
export const POSITIVE_EMOJI = new Set([
  "🎉",
  "🥳",
  "😊",
  "🙂",
  "😀",
  "😃",
  "😄",
  "😁",
  "❤",
  "❤️",
  "💚",
  "💙",
  "💜",
  "🧡",
  "💛",
  "🥰",
  "😍",
  "👍",
  "👏",
  "🙌",
  "🙏",
  "💪",
  "🚀",
  "✨",
  "🌟",
  "⭐",
  "🏆",
  "🥇",
  "💯",
  "🤝",
  "🍾",
  "🥂",
  "🤗",
  "☺",
  "☺️",
  "💖",
  "💕",
  "🎊",
  "😇",
]);
export const NEG_EMOJI_STRONG = new Set(["🙄", "🤦", "🤡", "🖕", "💩", "😒", "🤬"]);
export const NEG_EMOJI_MILD = new Set(["😤", "🙃", "😑", "😩", "🥱", "😡", "😠"]);
// 😂/🤣 are handled with the other laughter cues in NEG_PHRASE_MILD.
/** Text emoticons. */
export const POSITIVE_EMOTICON = /(?:^|\s)(?::-?\)|:-?D|;-?\)|<3|\^\^|\(:)(?=\s|$)/u;
export const NEGATIVE_EMOTICON = /(?:^|\s)(?:-\.-|-_-|\/s|\*facepalm\*|\*augenroll\p{L}*\*|\*eyeroll\*)(?=\s|$)/u;
