// FROZEN COPY of src/core/presence/lexicon.ts before issue #11 (git show 708fff8^), for
// bench/lib/keywordClassifier/classifier.ts only. Do not edit.
// Word lists and patterns for the built-in customer-presence classifier.
//
// Everything here is compiled once at module load. Conventions:
//  - Token-level patterns are anchored (^...$) and tested against one lower-cased token
//    (hyphenated compounds are one token; the classifier also looks at their parts).
//  - Phrase-level patterns run over a "flat" string: the lower-cased tokens of a message
//    (or of one sentence) joined by single spaces and padded with a space at both ends, so
//    " word " is a whole-word match and punctuation marks are tokens of their own.
//  - German words are listed by stem with their inflection endings; compounds are handled
//    by searching for a stem inside the token and checking what comes before/after it.

/** Builds a Set from a whitespace-separated list (keeps the lists below readable). */
function words(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

// ---------------------------------------------------------------------------------------
// Customer vocabulary
// ---------------------------------------------------------------------------------------

/** German customer stems, found anywhere inside a compound (Bestandskunden, Kundenfeedback,
 * Endnutzerin, Verbraucherhotline...). Inflection endings are part of the stem match. */
export const DE_CUSTOMER_STEM =
  /kund(?:innen|in|schaft|en|e)|(?:be)?nutzer(?:innen|in|n|s)?|anwender(?:innen|in|n|s)?|käufer(?:innen|in|n|s)?|verbraucher(?:innen|in|n|s)?|abonnent(?:innen|in|en)?|interessent(?:innen|in|en)?|mandant(?:innen|in|en)?|klient(?:innen|in|en|el)?|auftraggeber(?:innen|in|n|s)?|zielgruppe(?:n)?/u;

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
  `);
export const AMBIGUOUS_STEM = /^(?:user|client|consumer|subscriber|(?:be)?nutzer|anwender)/u;
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
    retry pool polling heartbeat handshake stürzt startet läuft verbindet
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
  /^(?:nps|csat|ces)(?:\p{L}*)$|^churn\p{L}*$|^complaints?$|^(?:\p{L}*)(?:beschwerde|reklamation|retoure|rezension|rückerstattung|rücksendung|warenkorb|hotline|callcenter|abwanderung)\p{L}*$|^reklamier\p{L}*$|^retourniert\p{L}*$|^refunds?$|^refunded$|^chargebacks?$|^abgewandert$|^upsell\p{L}*$|^cross-sell\p{L}*$|^betatester\p{L}*$|^clientele$|^kundschaft$|^retention(?:-?rate)?$/u;

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
  / (?:app ?store|play ?store|trustpilot|g2|capterra|yelp|google|amazon|sterne\p{L}*|stars?|[1-5]-stars?|[1-5]-sterne\p{L}*|one-star|five-star|1-star|5-star|star|app|produkt|product|shop) /u;

/** Company-name suffixes (case-sensitive, on the raw text) and the business context that
 * makes a named company a customer ("Order for Miller Ltd is out"). */
export const COMPANY_NAME =
  /\p{Lu}[\p{L}&.'-]*\s+(?:GmbH|AG|Ltd\.?|Inc\.?|LLC|KG|KGaA|SE|Corp\.?|plc|SA|SARL|BV|B\.V\.|OHG|UG|Pty|S\.p\.A\.)(?![\p{L}])/u;
export const BUSINESS_CONTEXT =
  / (?:order|orders|auftrag|aufträge|auftrags\p{L}*|bestellung\p{L}*|lieferung\p{L}*|delivery|deliveries|shipment|shipping|invoice|invoices|rechnung\p{L}*|angebot|quote|offer|contract|vertrag\p{L}*|renewal|deal|po|purchase|projekt|project|call|meeting|termin|visit|besuch|demo|pitch|onboarding|kickoff|kick-off|go-live|signed|unterschrieben|bezahlt|paid|payment|zahlung|mahnung|feedback|ticket|anfrage|request|eskalation|escalation|workshop|präsentation|presentation|proposal|rfp|ausschreibung|lizenz\p{L}*|license|licenses|abo|subscription) /u;
export const SUPPLIER_CONTEXT =
  / (?:lieferant\p{L}*|supplier|suppliers|vendor|vendors|dienstleister\p{L}*|hersteller\p{L}*|zulieferer\p{L}*|partner\p{L}*|agentur\p{L}*|agency|recruit\p{L}*|bewerber\p{L}*|vermieter\p{L}*|landlord) /u;

/** "Firma Keller", "company Acme" with business context (raw text, case-sensitive name). */
export const FIRMA_NAME = /(?:^|\s)(?:[Ff]irma|[Cc]ompany|[Kk]unde|[Kk]undin)\s+\p{Lu}\p{Ll}+/u;

/** "Account" in the sales sense: "key account", "our largest accounts", "account manager". */
export const SALES_ACCOUNT =
  / (?:key|strategic|enterprise|major|top|largest|biggest|big|named|target|existing|lost|flagship|anchor|priority|lighthouse|reference|referenz|schlüssel|at-risk)[ -]accounts?(?! (?:id|ids|settings|password|credentials|number)) | accounts? (?:manager|managers|management|executive|executives|exec|execs|plan|planning|churn|churned|churning|renewal|renewals|expansion|health) | key-account\p{L}*|key-accounts? /u;
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
  / (?:target (?:audience|group)s?|support[ -](?:tickets?|requests?|calls?|queue|volume|anfragen?)|supportanfrage\p{L}*|supportticket\p{L}*|call[ -]cent(?:er|re)s?|conversion[ -]?rate\p{L}*|konversionsrate\p{L}*|(?:abandon\p{L}* (?:the |their |a |his |her )?carts?|carts? abandon\p{L}*|abandoned carts?)|beta[ -]testers?|net promoter|customer[ -]base|user[ -]base|app[ -]store[ -](?:reviews?|ratings?|bewertung\p{L}*)|(?:[1-5]|one|five|ein|einen|fünf)[ -](?:sterne?n?|stars?)(?: (?:bewertung\p{L}*|reviews?|ratings?))?) /u;
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

/** Intensifiers: they make a mild negative adjective a strong one ("echt anstrengend"). */
export const INTENSIFIER = words(`
  sehr extrem super mega echt richtig total voll absolut wirklich so ziemlich unglaublich
  furchtbar really very extremely totally absolutely incredibly truly insanely utterly such
  damn verdammt soo sooo
  `);

/** Praise, appreciation, joy and learning words (single tokens). A negator before them
 * cancels them ("nicht zufrieden", "not happy"), which leaves the message neutral, since an
 * unhappy customer reported without contempt is a neutral customer problem. */
export const POSITIVE_WORD = new RegExp(
  "^(?:" +
    [
      // German praise and joy
      "großartig\\p{L}*",
      "fantastisch\\p{L}*",
      "hervorragend\\p{L}*",
      "ausgezeichnet\\p{L}*",
      "exzellent\\p{L}*",
      "wunderbar\\p{L}*",
      "grandios\\p{L}*",
      "genial\\p{L}*",
      "spitze",
      "spitzenmäßig",
      "prima",
      "klasse",
      "tolle",
      "toller",
      "tolles",
      "tollen",
      "toll",
      "begeistert\\p{L}*",
      "begeisterung",
      "glücklich\\p{L}*",
      "zufrieden",
      "zufriedene",
      "zufriedener",
      "zufriedenen",
      "zufriedenes",
      "hochzufrieden\\p{L}*",
      "stolz\\p{L}*",
      "dankbar\\p{L}*",
      "bedank\\p{L}*",
      "bedankt",
      "wertschätz\\p{L}*",
      "entschuldigt",
      "apologized",
      "apologised",
      "glückwunsch\\p{L}*",
      "gratulier\\p{L}*",
      "gratulation",
      "kompliment\\p{L}*",
      "gelobt",
      "lobt",
      "loben",
      "lob",
      "rekord\\p{L}*",
      "allzeithoch",
      "lieben",
      "liebt",
      "freuen",
      "freut",
      "gefreut",
      "mögen",
      // German learning and empathy
      "lehrreich\\p{L}*",
      "aufschlussreich\\p{L}*",
      "spannend\\p{L}*",
      "interessant\\p{L}*",
      "inspirierend\\p{L}*",
      "wertvoll\\p{L}*",
      "hilfreich\\p{L}*",
      "augenöffnend\\p{L}*",
      "verständlich",
      "nachvollziehbar",
      "berechtigt\\p{L}*",
      "kulanz\\p{L}*",
      "kundenorientiert\\p{L}*",
      "kundenzentriert\\p{L}*",
      "kundennähe",
      "kundenfokus",
      "benutzerfreundlich\\p{L}*",
      "positiv",
      "positive",
      "positiver",
      "positives",
      "positiven",
      "nutzerfreundlich\\p{L}*",
      "kundenfreundlich\\p{L}*",
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
      "praise\\p{L}*",
      "compliment\\p{L}*",
      "kudos",
      "shoutout",
      "shout-out",
      "bravo",
      "congrats",
      "congratulations",
      "grateful",
      "thankful",
      "appreciat\\p{L}*",
      "thanked",
      "love",
      "loves",
      "loved",
      "loving",
      "enjoy\\p{L}*",
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
      "sympath\\p{L}*",
      "empath\\p{L}*",
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
    ].join("|") +
    ")$",
  "u",
);

/** Praise words that are ambiguous on their own: "super wichtig" (intensifier), "top
 * request" (rank), "Great, I'll check" (acknowledgement). They count only when predicative
 * or standalone, or before a (capitalised German) noun. */
export const AMBIGUOUS_PRAISE = words(`super top great toll klasse prima perfect perfekt lovely cool`);
/** Words that, after "top"/"super", show they are just a rank or intensifier. */
export const RANK_AFTER = words(`request requests priority prioritäten priorität thema themen
  feature features bug bugs issue issues item items 3 5 10 drei fünf zehn`);

/** Phrases with positive framing (run over the flat sentence text). */
export const POSITIVE_PHRASE = new RegExp(
  [
    // gratitude with a recipient or intensifier (plain "Danke, mache ich" is just politeness)
    " (?:vielen|herzlichen|großen|tausend|besten|lieben) dank ",
    " dank(?:e)? (?:an|für|euch|dir|ihnen|allen|vielmals|sehr|schön) ",
    " (?:thanks|thank you|thx|ty) (?:to|for|so|a lot|everyone|all|team|again) ",
    " (?:huge|big|many|special|massive|a big|a huge) (?:thanks|thank you|shout-?out|kudos) ",
    // praise of work
    " (?:well done|great work|great job|nice work|nice job|good job|good work|gut gemacht|tolle arbeit|super arbeit|starke arbeit|klasse arbeit|gute arbeit|great news|good news|gute nachricht\\p{L}*|sehr gut|richtig gut|echt gut|läuft gut|gut gelaufen|went well|going well|best ever|all-time high|record (?:high|number|year|month|week|quarter)|new record|neuer rekord|beste (?:bewertung\\p{L}*|feedback)|best (?:feedback|reviews?|ratings?)) ",
    // learning from customers
    " (?:viel gelernt|viel mitgenommen|learned a lot|learnt a lot|learned so much|learnt so much|so much to learn|aha-moment|aha moment|great insights?|spannende einblicke|tolle einblicke) ",
    // empathy, taking their side
    " (?:zu recht|(?:haben|hat|hatte|hatten) (?:(?:völlig|total|absolut|schon|ja|auch|da|doch|natürlich|leider|vollkommen) )?recht(?! (?:auf|zu|darauf))|(?:isn't|is not|aren't|are not|wasn't|weren't|nicht|hat nicht|haben nicht|nicht ganz) (?:\\S+ )?(?:wrong|unrecht|unreasonable)|kann ich (?:gut )?(?:verstehen|nachvollziehen)|kann man (?:gut )?verstehen|fair enough|fair point|(?:have|has|had) a point|(?:is|are|was|were) right|i get (?:it|why|them)|feel for|make it right|wiedergutmach\\p{L}*|tut mir leid|tut uns leid|we apologi[sz]e\\p{L}*|apologi[sz]e to|entschuldig\\p{L}* (?:uns|mich) |goodwill) ",
    // putting the customer first
    " (?:customer first|kunde zuerst|kunden zuerst|im mittelpunkt|in the center|at the centre|at the center|aus kundensicht|aus nutzersicht|aus sicht de[rsm] (?:kund|nutzer)\\p{L}*|kundenperspektive|kundenbrille|customer'?s? (?:perspective|point of view|shoes)|users?'? (?:perspective|point of view|shoes)|in (?:their|the customer's|the user's) shoes|in die lage de[rs] (?:kund|nutzer)\\p{L}*|voice of the customer|stimme de[rs] kund\\p{L}*|im sinne de[rs] (?:kund|nutzer)\\p{L}*|for the customer'?s sake) ",
    // perspective taking ("stell dir vor, du wärst Kunde", "if we were the customer")
    " (?:stell (?:dir|euch) vor|stellt euch vor|imagine (?:being|you're|you are|we're|we are)|wärst? (?:\\S+ )?(?:kunde|kundin|nutzer\\p{L}*)|wären wir (?:\\S+ )?(?:kunde|kunden|nutzer\\p{L}*)|(?:if|what if) (?:we|i|you) (?:were|was) (?:the |a )?(?:customer|user|client)s?|put (?:ourselves|yourself|yourselves) in|versetz\\p{L}* (?:dich|euch|uns|sich) in) ",
    // empathy for customers hit by a problem ("für unsere Kunden ärgerlich", "feel bad for the user")
    " (?:für|for) (?:die |den |unsere |unseren |our |the |these |diese )?(?:\\S*kund\\S*|\\S*nutzer\\S*|customers?|users?|clients?)(?: \\S+){0,5} (?:ärgerlich|frustrierend|bitter|schade|mies|unangenehm|stressig|frustrating|painful|annoying|unfortunate|rough|stressful|awful|terrible|nervig|blöd|doof|hart|tough) ",
    " (?:ärgerlich|frustrierend|bitter|schade|unangenehm|stressig|frustrating|painful|unfortunate|rough|stressful|awful|terrible|hart|tough) (?:\\S+ )?(?:für|for) (?:die |den |unsere |unseren |our |the |these |diese )?(?:\\S*kund\\S*|\\S*nutzer\\S*|customers?|users?|clients?) ",
    " (?:feel (?:so )?(?:bad|sorry|terrible|awful) for|(?:tut|tun|tat) (?:mir|uns) (?:\\S+ )?leid|mitleid|sympathize|sympathise) ",
    // patience and kindness towards them
    " (?:be|sei|seid|stay|bleib\\p{L}*|bitte) (?:\\S+ )?(?:patient|geduldig|nachsichtig|kind|freundlich|nice|gentle|verständnisvoll|understanding) ",
    // customers deserve better; don't blame them
    " (?:\\S*kund\\S*|\\S*nutzer\\S*|customers?|users?|clients?) (?:\\S+ )?(?:verdienen|verdient|deserve|deserves) ",
    " (?:don't|do not|not|nicht|never|stop|nie) (?:\\S+ ){0,2}(?:blame|blaming|beschuldig\\p{L}*|die schuld geben|schuld zuschieben)|(?:nicht|not) (?:die |der )?schuld de[rs] (?:kund|nutzer)\\S*|not the (?:customer|user|client)'?s fault|nicht (?:die )?schuld de[rs] ",
    // customers going live, coming back, recommending
    " (?:live gegangen|went live|ist live|are live|is live|won back|came back|kommen zurück|recommended us|empfiehlt uns|empfohlen|closed (?:the |a |our )?deal|deal (?:closed|signed|won)|auftrag (?:erhalten|bekommen|gewonnen)) ",
    // customers thanking us / loving it
    " (?:thank-you|dankesmail|dankes-mail|dankeschön|dankesbrief|thank you note|thank you email) ",
  ].join("|"),
  "u",
);

/** Proposals ("let's", "wir sollten", "können wir") ... */
export const PROPOSAL =
  / (?:let's|lets|let us|we should|should we|could we|can we|shall we|how about|what if we|why don't we|we could|i suggest|i propose|maybe we|lasst uns|lass uns|wir sollten|sollten wir|können wir|könnten wir|wollen wir|wir könnten|wie wäre es|ich schlage vor|vorschlag|wir wollen|vielleicht sollten) /u;
/** ... that involve customers or listen to them make a customer-first message. */
export const INVOLVEMENT =
  / (?:ask|asking|involve|involving|invite|inviting|interview|interviewing|listen|listening|hear from|visit|visiting|call|calling|show|talk to|talk with|speak to|speak with|get feedback|gather feedback|collect feedback|co-create|test with|(?:nach|be)?fragen|einbeziehen|einladen|zuhören|besuchen|anrufen|zeigen|sprechen|reden|interviewen|mitnehmen|beteiligen|testen lassen|ausprobieren lassen|try|mitreden|einbinden|loop in|bring in|include|mit ins boot (?:holen|nehmen))(?= )|(?:story|stories|geschichte|geschichten|stimme|stimmen|perspektive|perspective|feedback|sicht)(?= )|kundensicht|nutzersicht/u;

/** Designing with the customer in mind ("das müssen wir beim Design bedenken", "we need to keep
 * in mind that users..."): counts with a proposal or an obligation. */
export const CONSIDERATION =
  / (?:bedenken|berücksichtigen|beachten|im (?:kopf|blick) behalten|denken an|keep in mind|take into account|account for|design for|think about|build for|mitdenken) /u;
export const OBLIGATION =
  / (?:we need to|we have to|we must|wir müssen|müssen wir|das müssen wir|sollten wir|wir sollten|let's|lasst uns) /u;

/** Sparing customers effort: negated burden verbs ("Kunden nicht quälen", "let's not make
 * the customer fill in"), or making things easier for them. */
export const BURDEN_AVOIDED = new RegExp(
  [
    " (?:nicht|nie|niemals|keine?n?|ohne|nicht mehr|aufhören|hören auf)(?: \\S+){0,5} (?:quälen|nerven|belasten|zumuten|überfordern|verwirren|verärgern|ärgern|zuspammen|vollspammen|warten lassen|hinhalten|behelligen|stressen|plagen|frustrieren|zwingen|zuschütten)(?= )",
    " (?:quälen|nerven|belasten|zumuten|überfordern|zuspammen|stressen|zwingen) (?:\\S+ ){0,3}(?:nicht|nicht mehr|nie)(?= )",
    " (?:not|don't|dont|never|stop|avoid|shouldn't|mustn't|no need to|no longer)(?: \\S+){0,2} (?:make|making|force|forcing|bother|bothering|annoy|annoying|spam|spamming|burden|burdening|torture|torturing|overwhelm|overwhelming|confuse|confusing|frustrate|frustrating|punish|punishing|keep (?:\\S+ ){0,2}waiting|let (?:\\S+ ){0,2}wait)(?= )",
    " (?:easier|simpler|smoother|einfacher|leichter|bequemer|angenehmer) (?:for|für)(?= )",
    " (?:so )?(?:einfach|leicht|bequem|schnell|angenehm|reibungslos) wie (?:möglich|es geht)| as (?:easy|simple|smooth|painless|quick|seamless) as possible| (?:einfacher|leichter|bequemer) (?:zu )?machen| make (?:it|things|life|this|their life|their lives) (?:\\S+ )?(?:easier|simpler)(?= )",
    " (?:save (?:them|our users|our customers|users|customers|the customer|the user) (?:\\S+ )?time|spare (?:them|users|customers|the customer)|erspar\\p{L}*|weniger (?:schritte|klicks|formulare|hürden|aufwand)|fewer (?:steps|clicks|forms|hoops)|ein schritt reicht|one step is enough|less friction|reduce friction|weniger reibung)(?= )",
  ].join("|"),
  "u",
);

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
export const NEG_NOUN = new RegExp(
  "^(?:" +
    [
      "besserwisser\\p{L}*",
      "klugscheißer\\p{L}*",
      "klugscheisser\\p{L}*",
      "nörgler\\p{L}*",
      "meckerer",
      "querulant\\p{L}*",
      "choleriker\\p{L}*",
      "idiot",
      "idioten",
      "trottel\\p{L}*",
      "depp",
      "deppen",
      "vollpfosten",
      "honk",
      "honks",
      "dau",
      "daus",
      "dödel",
      "dussel",
      "nervensäge\\p{L}*",
      "pfennigfuchser",
      "geizhals",
      "geizhälse",
      "schnorrer",
      "zicke",
      "zicken",
      "heulsuse\\p{L}*",
      "mimose\\p{L}*",
      "jammerlappen",
      "spinner",
      "wutbürger",
      "dummkopf",
      "dummköpfe",
      "witzbold\\p{L}*",
      "kindergarten",
      "hölle",
      "albtraum",
      "alptraum",
      "idiots",
      "moron",
      "morons",
      "imbecile\\p{L}*",
      "fool",
      "fools",
      "clown",
      "clowns",
      "karen",
      "karens",
      "brat",
      "brats",
      "whiner\\p{L}*",
      "freeloader\\p{L}*",
      "cheapskate\\p{L}*",
      "know-it-all\\p{L}*",
      "smartass\\p{L}*",
      "smart-ass\\p{L}*",
      "wiseguy\\p{L}*",
      "troll",
      "trolls",
      "nightmare",
      "dumbass\\p{L}*",
      "muppet\\p{L}*",
      "numpty",
      "luser\\p{L}*",
      "pebkac",
      "id10t",
      "pita",
      "babysit\\p{L}*",
      "tantrum\\p{L}*",
      "wichtigtuer\\p{L}*",
      "schlaumeier\\p{L}*",
      "oberlehrer\\p{L}*",
      "korinthenkacker\\p{L}*",
      "erbsenzähler\\p{L}*",
      "besserwisserei",
      "extrawurst\\p{L}*",
      "diva",
      "divas",
    ].join("|") +
    ")$",
  "u",
);

/** Disparaging adjectives. Strong ones count 2, mild ones 1 (2 with an intensifier). They
 * count less when they describe some other noun ("nervige Popups", "annoying bug"), not at
 * all when the customer is only their object ("annoying for customers" is empathy). */
export const NEG_ADJ_STRONG = new RegExp(
  "^(?:" +
    [
      "nervig\\p{L}*",
      "lästig\\p{L}*",
      "anstrengend\\p{L}*",
      "dumm",
      "dumme",
      "dummer",
      "dummen",
      "dummes",
      "dümmer\\p{L}*",
      "dämlich\\p{L}*",
      "doof\\p{L}*",
      "blöd\\p{L}*",
      "bescheuert\\p{L}*",
      "beknackt\\p{L}*",
      "idiotisch\\p{L}*",
      "unfähig\\p{L}*",
      "ahnungslos\\p{L}*",
      "planlos\\p{L}*",
      "begriffsstutzig\\p{L}*",
      "lernresistent\\p{L}*",
      "beratungsresistent\\p{L}*",
      "unverschämt\\p{L}*",
      "frech\\p{L}*",
      "dreist\\p{L}*",
      "penetrant\\p{L}*",
      "verwöhnt\\p{L}*",
      "gierig\\p{L}*",
      "geizig\\p{L}*",
      "zickig\\p{L}*",
      "cholerisch\\p{L}*",
      "weinerlich\\p{L}*",
      "nervtötend\\p{L}*",
      "ätzend\\p{L}*",
      "kindisch\\p{L}*",
      "arrogant\\p{L}*",
      "überheblich\\p{L}*",
      "besserwisserisch\\p{L}*",
      "pampig\\p{L}*",
      "unmöglich\\p{L}*",
      "nervend\\p{L}*",
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
    ].join("|") +
    ")$",
  "u",
);
export const NEG_ADJ_MILD = new RegExp(
  "^(?:" +
    [
      "stur\\p{L}*",
      "anspruchsvoll\\p{L}*",
      "schwierig\\p{L}*",
      "kompliziert\\p{L}*",
      "empfindlich\\p{L}*",
      "furchtbar\\p{L}*",
      "schrecklich\\p{L}*",
      "grauenhaft\\p{L}*",
      "lächerlich\\p{L}*",
      "absurd\\p{L}*",
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
      "seltsam\\p{L}*",
      "komisch\\p{L}*",
      "mühsam\\p{L}*",
      "tiring",
      "annoyed",
      "genervt",
    ].join("|") +
    ")$",
  "u",
);
// "annoyed"/"genervt" describe how someone feels; they only add up with other cues
// ("genervt von diesen Kunden").

/** Disparaging verbs for complaining or behaving ("meckern", "whining"). A customer as
 * their object ("Popups nerven Kunden") is not contempt; see classifier. */
export const NEG_VERB = new RegExp(
  "^(?:" +
    [
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
      "whinge\\p{L}*",
      "annoy",
      "annoys",
    ].join("|") +
    ")$",
  "u",
);

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

/** Phrases that disparage, blame or mock customers (strong: count 2). */
export const NEG_PHRASE_STRONG = new RegExp(
  [
    " (?:hat|haben|hatte|hatten|have|has|had) (?:\\S+ ){0,2}(?:keine ahnung|keinen plan|null ahnung|no idea|no clue|zero clue) ",
    " (?:können|kann|konnte|könnten|can|could) (?:\\S+ ){0,2}(?:nicht|not) (?:mal |even )?(?:lesen|read) | lesen ist (?:\\S+ )?schwer |(?:can't|cannot|cant|can not|never|don't|dont|doesn't) (?:even )?read |learn to read|lesen lernen| rtfm | layer 8 | layer-8 | sitzt vor dem (?:bildschirm|rechner|computer|monitor) ",
    " (?:zu|too|so) (?:dumm|blöd|doof|faul|stupid|dumb|lazy) ",
    " (?:gefälligst|(?:such a|a real|a total|a huge|what a|is a|are a|is such a|ist so ein) pain(?! points?)|(?:are|is|sind|ist|were|waren) (?:\\S+ )?(?:the worst|das letzte|die schlimmsten|die pest)|(?:weiß|wüsste|wüssten|wissen|weiss) (?:\\S+ ){0,2}alles besser|know(?:s)? (?:it all|better than us)|aus der hölle|from hell|pain in the (?:ass|neck|butt)|selbst schuld|(?:their|his|her|its) own fault|ihre eigene schuld|seine eigene schuld|wie kleine kinder|like (?:little )?children|like toddlers|babysitter|händchen halten|hand-holding|händchenhalten) ",
    " (?:na toll|na super|na klasse|na prima|na wunderbar|na bravo|oh great|oh joy|oh wonderful|just great|just perfect|just what we needed|genau das,? was wir brauch\\p{L}*|great , another|toll , (?:schon )?wieder|super , (?:schon )?wieder|yay , another|love it when|i just love (?:it )?when|gotta love|got to love|muss man (?:sie |die )?lieben|ich liebe es,? wenn|liebe es , wenn) ",
  ].join("|"),
  "u",
);
/** Mild cues (count 1): exasperation, generalising, incompetence, entitlement. Two of
 * them together read as contempt ("Diese Kunden wollen immer alles umsonst"); one alone is
 * usually a factual report ("Kunden wollen Gratisversand"). Each pattern counts once. */
export type MildKind =
  | "exasperation"
  | "generalising"
  | "entitlement"
  | "incompetence"
  | "blame"
  | "laughter"
  | "shouting"
  | "neverAgain";
export const NEG_PHRASE_MILD: readonly { kind: MildKind; re: RegExp }[] = [
  // exasperation
  {
    kind: "exasperation",
    re: / (?:schon wieder|mal wieder|wieder mal|yet another|once again|seufz|sigh|ugh|argh|facepalm|smh|ffs|wtf|omg|jeez|meh) /u,
  },
  { kind: "exasperation", re: /^ (?:another|noch so ein\p{L}*|wieder so ein\p{L}*|und wieder|again) /u },
  // generalising ("always", "never satisfied", "every single time")
  {
    kind: "generalising",
    re: / (?:immer alles|always (?:want|wants|ask|asks|expect|expects|need|needs|complain|complains|whine|whines|trying|try|tries)|wollen immer|will immer|want(?:s)? everything|nie zufrieden|never (?:happy|satisfied|content)|mit nichts zufrieden|nothing is ever good enough|ständig|constantly|jedes (?:einzelne )?mal|every (?:single )?time|immer diese|immer das gleiche|always the same) /u,
  },
  // entitlement
  {
    kind: "entitlement",
    re: / (?:alles umsonst|umsonst|gratis|for free|for nothing|kostenlos|extrawurst|sonderwünsche|sonderbehandlung|special treatment|think they own|meinen,? (?:sie|die) (?:\S+ )?(?:könnten|dürften)) /u,
  },
  // incompetence
  {
    kind: "incompetence",
    re: / (?:versteh\p{L}*|kapier\p{L}*|raff\p{L}*|check\p{L}*|begreif\p{L}*|begriff\p{L}*) (?:\S+ ){0,4}(?:nicht|nix|nichts|kein) | (?:don't|dont|doesn't|doesnt|didn't|can't|cant|cannot|never|still don't) (?:\S+ )?(?:get|understand|figure|grasp|follow|learn) /u,
  },
  {
    kind: "incompetence",
    re: / (?:einfach nicht|just don't|just dont|just can't|just cant|simply don't|simply can't|nicht mal|nicht einmal|not even|can't even|cant even|immer noch nicht|still can't|still don't|again and again|zum x-ten mal|zum hundertsten mal|for the hundredth time|for the 100th time) /u,
  },
  {
    kind: "incompetence",
    re: / (?:richtig|korrekt|ordentlich|vernünftig) (?:zu )?(?:benutz|bedien|verwend|nutz|les|lesen|klick)\p{L}*| properly | how to use | wie man (?:\S+ ){0,3}(?:benutzt|bedient|nutzt|verwendet|klickt|liest) /u,
  },
  // blame
  {
    kind: "blame",
    re: / (?:user error|anwenderfehler|bedienfehler|bedienerfehler|fault of the customer|(?<!nicht )schuld (?:sind|ist) (?:die |der )?(?:kund|nutzer|user)\p{L}*|(?<!(?:don't|not|never|stop|dont) )blame (?:the )?(?:customer|user|client)s?) /u,
  },
  // mocking laughter, shouting described with contempt
  {
    kind: "laughter",
    re: / (?:lol|lmao|rofl|haha\p{L}*|hihi\p{L}*|lach\p{L}* mich (?:tot|schlapp)|kopfschüttel\p{L}*|kopf ?schüttel\p{L}*|😂|🤣) /u,
  },
  {
    kind: "shouting",
    re: / (?:yell\p{L}*|scream\p{L}*|schreit|schrie|brüllt|angeschrien|angebrüllt|rumgeschrien|pöbel\p{L}*|tobt|ausgerastet|rastet aus|freaking out|throwing a fit|rant\p{L}*) /u,
  },
  // "never again" with this customer ("nie wieder so ein Kunde") - see classifier for the
  // protective reading ("darf nie wieder passieren")
  { kind: "neverAgain", re: / (?:nie wieder|never again) /u },
];
/** What a customer asked or said: laughing at it is mockery ("lol, a client asked if..."). */
export const REPORTED_REQUEST =
  / (?:asked|asks|asking|wants|wanted|said|says|thinks|thought|fragt|fragte|gefragt|will|wollte|wollen|meint|meinte|sagt|sagte|glaubt|dachte|wanted to know|wollte wissen) /u;

/** Ownership: the team takes responsibility, which turns "customers don't get it" into a
 * problem report instead of blame ("..., we need better docs"). */
export const OWNERSHIP =
  / (?:we need|we have to|we must|we should|let's|lets|our (?:fault|bad|docs|ui|ux|onboarding)|on us|wir müssen|müssen wir|wir sollten|sollten wir|lasst uns|unsere schuld|unser fehler|liegt an uns|besser erklären|erklären|explain|improve|verbessern|überarbeiten|rework|fix|fixen|klarer|clearer|docs|doku\p{L}*|anleitung\p{L}*|tutorial\p{L}*) /u;
/** "darf nie wieder passieren": protecting customers from a repeat. */
/** "never again with this client": dismissing one customer for good (counts double). */
export const NEVER_AGAIN_DISMISSIVE =
  / (?:nie wieder|never again)(?: \S+){0,3} (?:this|that|such|so|dies\p{L}*|solch\p{L}*|these|those) /u;
export const NEVER_AGAIN_PROTECTIVE =
  / (?:passieren|vorkommen|happen|happens|erleben|will we|shall we|do we|werden wir|wollen wir|lassen wir|machen wir|dürfen wir) /u;

/** Sentences that are only a praise word or two: sarcastic after bad news ("Fantastic."),
 * sincere otherwise ("Der Kunde hat verlängert. Großartig!"). */
export const LONE_PRAISE =
  /^ (?:(?:oh|na|just|einfach|echt|wirklich|really|so|how|wie|absolutely|absolut) )?(?:fantastic|fantastisch|great|wonderful|wunderbar|lovely|perfect|perfekt|awesome|brilliant|super|toll|klasse|herrlich|prima|spitze|genial|großartig|amazing|yay|love it|excellent|exzellent|nice|schön|cool|bravo|klasse sache|what fun|how fun|fun times|splendid)(?: (?:!|\.|…|\?))* $/u;
/** Sentences that are only an exasperated exclamation ("Unbelievable.", "Echt jetzt?"): a mild
 * negative cue that needs company. */
export const LONE_EXASPERATION =
  /^ (?:(?:just|simply|einfach|echt|wirklich|so|absolutely|absolut) )?(?:unbelievable|unglaublich|ridiculous|lächerlich|seriously|ernsthaft|typical|typisch|classic|klassiker|of course|natürlich|sure|klar|jesus|mamma mia|oh man|omg|wtf|really|echt jetzt|wow|tja|naja|nun ja|oh well|whatever|egal|unfassbar|incredible|insane|crazy|wahnsinn|irre|unreal)(?: (?:!|\.|…|\?))* $/u;

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
