// Tone carried by framing rather than by sentiment words, in both directions. All patterns
// run over flat text (lower-cased tokens joined by single spaces, padded with a space), per
// message or per sentence; each ends with a lookahead for the space after the last word.
// lexicon.ts holds the sentiment words, insults and the older phrase lists.

// ---------------------------------------------------------------------------------------
// Appreciative framing
// ---------------------------------------------------------------------------------------

/** Owning a customer problem: "unser Fehler", "liegt bei uns", "that's on us", "we let them down". */
export const OWNERSHIP_OWN =
  / (?:unser(?:e)? (?:fehler|schuld|versäumnis|mist)|mein fehler|meine schuld|(?:geht|lag|liegt) (?:\S+ ){0,2}(?:auf|an|bei) uns|haben wir (?:\S+ )?(?:verbockt|vermasselt|versemmelt|verpennt|verschlafen|falsch gemacht|vergessen)|wir haben (?:\S+ ){0,5}(?:verbockt|vermasselt|versemmelt|verpennt|hängen lassen|hängenlassen|im stich gelassen|stehen lassen|warten lassen|falsch (?:berechnet|abgerechnet|geliefert|gebucht|informiert|eingeschätzt))|auf unsere kosten|(?:ist|war) unser job|our (?:mistake|fault|bad|error|screw-up|screwup|labelling error|process failing)|my (?:mistake|fault|bad)|(?:that's|that is|it's|it is|this is|that one's|which is) (?:\S+ )?on (?:us|me)|we (?:messed|screwed|dropped|blew|mixed) (?:\S+ ){0,3}up|we (?:got it wrong|dropped the ball|let (?:them|her|him|the \S+|our \S+) down)|at our (?:cost|expense)|we owe (?:them|her|him|you)|the problem is our|das problem (?:ist|liegt) (?:unser|bei uns|an uns)|nicht (?:ihrer|seiner|ihre|seine|deren)|not (?:theirs|hers|his)|that's unforgivable|das ist (?:nicht zumutbar|unzumutbar)|not acceptable|nicht akzeptabel|darf (?:\S+ ){0,5}(?:nie wieder|nicht wieder|nicht noch ?mal) passieren|(?:must|should|can't|cannot) never happen again|never again will we|nie wieder (?:werden|wollen|lassen|dürfen) wir)(?= )/u;

/** Taking the customer's side against a blaming reading: "Kunden sind nicht das Problem",
 * "they did everything right", "I'd have complained too". */
export const DEFENDS_CUSTOMER =
  / (?:(?:sind|ist|are|is|was|were|waren|war) (?:\S+ )?(?:nicht|not|never|nie) (?:das|the) problem|(?:aren't|isn't|wasn't|weren't) (?:\S+ )?the problem|(?:not|nicht) (?:(?:a|ein) )?(?:\S+ )?(?:problem of|problem der|problem des)|nicht (?:\S+ )?schuld|not to blame|not at fault|(?:did|done) everything right|alles richtig gemacht|(?:haben|hat|did) nichts falsch gemacht|did nothing wrong(?! \. never)|(?:i'd|i would|i'd have|i would have|würde ich|hätte ich|ich hätte|ich würde|wäre ich) (?:\S+ ){0,4}(?:too|auch|genauso|also)|an (?:ihrer|seiner|deren) stelle|in (?:their|her|his|the <c>) shoes|(?:berechtigt|justified|fair enough|zu recht|rightly so)|(?:don't|do not|not|nicht|never|stop|nie) (?:\S+ ){0,2}(?:blame|blaming|beschuldig\p{L}*|die schuld geben)|(?:isn't|is not|aren't|are not|wasn't|weren't|nicht|nicht ganz) (?:\S+ )?(?:wrong|unrecht|unreasonable)|(?:hat|haben|hatte|hatten) (?:(?:völlig|total|absolut|schon|ja|auch|da|doch|natürlich|vollkommen) )?recht(?! (?:auf|zu|darauf))|(?:is|are|was|were) (?:completely |totally |absolutely )?right)(?= )/u;

/** A proposal or request in a sentence ... */
export const PROPOSAL_ANY =
  / (?:können wir|könnten wir|kann man|sollten wir|sollen wir|lasst uns|lass uns|wir sollten|wir könnten|wir müssen|müssen wir|wie wäre es|wäre (?:es )?(?:schön|gut|toll|super|klasse)|vorschlag|ich schlage vor|bitte|can we|could we|should we|shall we|let's|lets|let us|we should|we could|we need to|we have to|how about|what if we|proposal|i suggest|i propose|maybe we|why don't we|why not|please|i'd like us to|ich möchte,? dass wir|ich fände es gut)(?= )/u;
/** ... that gives the customer something: time, help, a refund, an exception. */
export const BENEFIT =
  / (?:geben|gibt|anbieten|bieten|ermöglichen|verlängern|erstatten|übernehmen|helfen|zeigen|erklären|entgegenkommen|schenken|aufs haus|spendieren|vorbeibringen|vorbeifahren|vorbeigehen|reservieren|freihalten|einrichten|ersparen|abnehmen|begleiten|kümmern|anrufen|zurückrufen|belohnen|einladen|leihen|ausleihen|give|offer|extend|refund|cover|help|show|explain|comp|waive|upgrade|walk (?:her|him|them) through|take care|look after|reach out|call (?:her|him|them)|personally|persönlich|in ruhe|extra|kostenlos|gratis|at no (?:charge|cost|extra cost)|free of charge|on the house|auf unsere kosten|at our (?:cost|expense)|without charge|ohne aufpreis|credit|gutschrift|skip|drop (?:the|that) (?:fee|rule|charge)|keep (?:a|one|two) |put (?:a|one|someone|a person))(?= )/u;
/** Pronouns that can stand for the customer in a proposal ("Können wir ihr ... geben?"). */
export const BENEFICIARY = / (?:ihr|ihm|ihnen|für sie|für ihn|them|her|him|for them|for her|for him)(?= )/u;

/** Curiosity about the customer's need and going to see it: "verstehen, warum", "shadowed",
 * "hab zugehört", "what they actually need". */
export const CURIOSITY =
  / (?:verstehen , warum|verstehen , wie|verstehen , was|verstehen warum|herausfinden|rausfinden|find out (?:why|what|how)|understand (?:why|what|how)|figure out (?:why|what)|(?:understand|find out|ask|learn|know|see|hear) (?:\S+ ){0,2}what (?:they|<c>|people) (?:actually |really )?(?:need|want|use|do|deal with)|(?:verstehen|herausfinden|rausfinden|fragen|lernen|wissen|sehen|hören) , was (?:sie|die <c>|die leute) (?:eigentlich |wirklich )?(?:brauchen|wollen|nutzen|erleben)|wie (?:sie|die) (?:eigentlich |wirklich )?(?:arbeiten|einkaufen|suchen)|how (?:they|people) (?:actually |really )?(?:work|shop|search|use)|zugehört|zuhören|listened|listen to|hospitiert|shadow\p{L}*|mitgefahren|mitgehört|beobachtet|zugeschaut|watched (?:how|people|them)|observed|sat (?:with|in on|next to|in the)|saß (?:bei|neben)|interviewt|interviewed|begleitet|ride-?along|rode (?:along|the|with)|rode along|bin (?:\S+ ){0,3}mitgefahren|(?:war|was) (?:\S+ ){0,2}(?:vor ort|on site|at the site)|asked (?:\S+ ){0,2}(?:<c>|people|them)|gefragt , was|fragen , was|ask (?:them|her|him|a few|some|our) |stell (?:dir|euch) vor|stellt euch vor|imagine (?:being|you're|you are|we're|we are)|wärst? (?:\S+ )?<c>|wären wir (?:\S+ )?<c>|(?:if|what if) (?:we|i|you) (?:were|was) (?:the |a )?<c>|put (?:ourselves|yourself|yourselves) in|versetz\p{L}* (?:dich|euch|uns|sich) in|aus (?:sicht de[rsm] <c>|kundensicht|nutzersicht))(?= )/u;

/** The customer's state, named with care: nervous, grieving, overwhelmed. Counts with a
 * proposal to help. */
export const EMPATHY_STATE =
  / (?:nervös|ängstlich|angst|verunsichert|überfordert|gestresst|traurig|einsam|verzweifelt|tränen|geweint|weinte|schock|trauer|todesfall|verstorben|gestorben|diagnose|scared|nervous|anxious|worried|afraid|frightened|overwhelmed|stressed|lonely|in tears|crying|cried|grieving|passed away|died|diagnosis|exhausted|struggl\p{L}*|vulnerable|elderly|ältere|älteren|älterer|betagt\p{L}*|rollstuhl|wheelchair|behinderung|disabilit\p{L}*|blind|gehörlos|deaf|allergie|allergy)(?= )/u;

/** Respect for the customer's time and money. */
export const RESPECT =
  / (?:(?:ihre|seine|deren|their|his|her|the <c>) (?:zeit|time|geld|money|abend|wochenende|weekend|urlaub|nerven|day|morning|lunch break|lunch breaks)|(?:wasting|waste|verschwenden|verschwendet|stiehlt|steal) (?:\S+ ){0,2}(?:zeit|time)|(?:nicht|never|shouldn't|should not|don't|do not|kein|no) (?:\S+ ){0,3}(?:warten (?:lassen|müssen)|wait|queue|anstehen|suchen müssen|surprise charge)|(?:fair|unfair) (?:gegenüber|to|towards|for)|(?:verdient|deserves?|deserved|verdienen)|respekt|respect|ernst genommen|taken seriously|like adults|wie erwachsene|ehrlich (?:sagen|schätzen|erklären)|tell them (?:plainly|honestly|the truth)|the truth|die wahrheit|(?:be|sei|seid|stay|bleib\p{L}*|bitte) (?:\S+ )?(?:patient|geduldig|nachsichtig|kind|freundlich|gentle|verständnisvoll|understanding))(?= )/u;

// ---------------------------------------------------------------------------------------
// Disparaging framing
// ---------------------------------------------------------------------------------------

/** Stereotypes and othering: "Typisch Endkunde", "these people", "every single time". */
export const STEREOTYPE =
  / (?:typisch\p{L}*|typical|classic|klassiker|so sind (?:sie|die)|that's \S+ for you|the lot of them|allesamt|die sind (?:alle|immer|halt|eben)|they're all|they are all|alle gleich|immer dasselbe|immer das gleiche|jedes (?:mal|jahr|quartal|wochenende|wochende) (?:dasselbe|das gleiche|die gleiche)|(?:jeden|jedes) (?:sommer|winter|monat|jahr) (?:dasselbe|das gleiche)|same (?:every|each) (?:time|year|week|month|day|june|summer|winter|term)|every (?:single )?(?:time|year|summer|winter|term)|happens every|wie immer bei denen|as always|as usual|wie üblich|the usual|die üblichen|das übliche|kennt man|you know the type|the type who|die sorte|diese sorte|solche leute|such people|these people|diese leute|those people|die leute (?:halt|eben|immer)|people like (?:that|them)|leute wie (?:die|der|dem)|boomers?|<c> halt|leute halt| halt \.|gen z|amateurs?|amateure|the worst kind)(?= )/u;

/** Suspicion of dishonesty: "angeblich", "ich wette", "I bet", "conveniently". */
export const SUSPICION =
  / (?:angeblich\p{L}*|vermeintlich\p{L}*|ganz zufällig|rein zufällig|komischerweise|seltsamerweise|oddly enough|funnily enough|ich wette|wetten|wette ich|i bet|i'd bet|bet money|allegedly|supposedly|conveniently|suspiciously|funny how|glaub\p{L}* (?:\S+ ){0,2}kein wort|kein wort glauben|kaufe? (?:ich )?(?:\S+ ){0,2}nicht ab|don't buy (?:it|that)|i don't believe|don't believe (?:a|for|him|her|them)|not buying it|faking|faked|fakes|vortäusch\p{L}*|simulant\p{L}*|schwindel\p{L}*|flunker\p{L}*|lügen doch|lügt|gelogen|lying|liar|liars|lie about|betrug|betrüger\p{L}*|fraud\p{L}*|geschönt|erfunden|made up|abzock\p{L}*|trying it on|ausnutzen|take advantage|schnorr\p{L}*|freeload\p{L}*|klaut|klauen|i'm (?:100 % |100% )?sure (?:he|she|they|that)|ganz sicher|garantiert|obviously faking|sure he|sure she|sure they)(?= )/u;

/** Treating customers as a nuisance to be managed away: "soll halt warten", "ignore them". */
export const DISMISS =
  / (?:soll(?:en)? (?:\S+ ){0,2}warten|sollen halt|soll halt|soll doch|sollen doch|sollen sich|soll sich (?:mal )?nicht so|can wait|let (?:them|him|her) wait|warteschleife|ignorieren|ignore (?:it|them|him|her|the)|ignoring|nicht mehr rangehen|not answering|don't pick up|einfach (?:liegen lassen|auflegen|reden lassen)|reden lassen|low priority|niedrige priorität|lohnt (?:sich )?(?:eh )?nicht|not worth|waste of (?:time|money|effort|induction time)|zeitverschwendung|why (?:do|should) we (?:even )?bother|wozu also|not our problem|nicht unser problem|ihr problem|their problem|mir (?:doch )?egal|don't care|not a loss|kein verlust|good riddance|gestohlen bleiben|loswerden|get rid of|auf durchzug|standardantwort\p{L}*|nur noch standard\p{L}*|abwimmeln|fob (?:them|him|her) off|gar nichts mehr|nothing more|sollen (?:sie|die) (?:doch )?selbst|träumt weiter|dream on|keep dreaming|pick one|nope|ich mach (?:einfach )?auf durchzug|get a life|können mir gestohlen)(?= )/u;

/** Resignation about customers: "ich geb's auf", "die lernen es nie", "eh nur". */
export const RESIGNATION =
  / (?:ich geb's auf|ich geb es auf|ich gebe es auf|i give up|i'm done|ich bin raus|hoffnungslos|hopeless|lern\p{L}* (?:es|das|sie|er)? ?nie|never learn|will never learn|nichts zu machen|what's the point|was soll's|was solls|can't win|kann man nicht gewinnen|kannst du dir sparen|kann man sich sparen|warum überhaupt|bringt eh nichts|eh nur|eh nicht|eh schon|eh alle|eh nie|eh keiner|sowieso nur|anyway,? they|same old|wie immer halt|ermüdend|nerven echt)(?= )/u;

/** Ironic markers: mock praise, mock surprise, "let me guess". */
export const IRONY =
  / (?:groundbreaking|genius|geniuses|bless (?:them|him|her|their heart)|cute|adorable|how original|what a surprise|surprise , surprise|shocking|shocker|who could have guessed|wer hätte das gedacht|was für eine überraschung|überraschung|na klar|ja klar|klar doch|aber klar doch|natürlich nicht|yeah right|ja ne|is klar|köstlich|mein lieblings\p{L}*|my favou?rite (?:kind|type|people|<c>)|love that for|so fun|what fun|such fun|fun times|nice try|netter versuch|guter witz|good one|lass mich raten|let me guess|dreimal darfst du raten|plot twist|love language|ich liebe meinen job|love this job|love my job|living the dream|best job ever|bester job der welt|jaja|ja ja|so ein hobby|sure , \S+ \.|oh wie schön|oh how lovely|wonderful ,|wunderbar ,|great use of|genau mein humor|just my luck|love that|sure thing|right ,)(?= )/u;

/** Blaming customers for their own trouble or ours: "selbst schuld", "user error", "if they
 * would just read". */
export const BLAME =
  / (?:selbst schuld|(?:ihre|seine|deren) (?:eigene )?schuld|(?:their|his|her) own (?:fault|doing|firewall|mistake|printer|network)|user error|anwenderfehler|bedienfehler|bedienerfehler|layer 8|pebkac|(?<!nicht )schuld (?:sind|ist|war|waren) (?:die |der )?<c>|(?<!(?:don't|not|never|stop|dont) )blame (?:the )?<c>|wenn (?:die |der )?(?:<c>|leute|sie) (?:\S+ ){0,4}(?:einfach|mal|endlich) (?:\S+ ){0,4}(?:würden|würde|hätten|könnten)|if (?:the )?(?:<c>|people|they) (?:would|could|just|had just|bothered)|can't be bothered|couldn't be bothered|zu faul|zu bequem|too lazy|lesen nie|liest nie|never read|don't read|doesn't read|nicht lesen können|can't read|kapier\p{L}* (?:\S+ ){0,3}nicht|raff\p{L}* (?:\S+ ){0,3}nicht|(?:just|simply) don't get it|still don't get it)(?= )/u;

/** Laughing at customers: "haha", "lol", "😂" next to what a customer asked or did. */
export const LAUGHTER =
  / (?:haha\p{L}*|hihi\p{L}*|hehe\p{L}*|lol|lmao|rofl|😂|🤣|lach\p{L}* mich (?:tot|schlapp)|kopfschüttel\p{L}*)(?= )/u;

/** Proposals to punish or get rid of customers: "sperren", "ban him", "blacklist them". */
export const PUNITIVE =
  / (?:sperren|blockieren|rauswerfen|rausschmeißen|rausschmeissen|hausverbot|schwarze liste|blacklist|ban (?:him|her|them|the|that)|banned|kick (?:him|her|them) out|block (?:him|her|them)|fire (?:the|that|this) (?:client|customer)|charge (?:him|her|them|that \S+|the \S+|every \S+) (?:an )?extra|bearbeitungsgebühr fürs|gebühr fürs|strafgebühr|kaution x\d|let someone else deal|soll woanders|go elsewhere|can go elsewhere|sollen woanders)(?= )/u;

/** Praise aimed at the team rather than at customers ("stolz aufs Team", "thanks, Sam"). */
export const TEAM_WORD = new Set([
  "team",
  "teams",
  "kolleg",
  "kollegen",
  "kollegin",
  "kolleginnen",
  "everyone",
  "everybody",
  "alle",
  "allen",
  "euch",
  "crew",
  "staff",
  "colleague",
  "colleagues",
  "folks",
  "y'all",
  "leute",
  "ihr",
]);

/** Number words that make a one-word sentence an emphatic count ("Eleven."). */
export const NUMBER_WORD = new Set([
  "zwei",
  "drei",
  "vier",
  "fünf",
  "sechs",
  "sieben",
  "acht",
  "neun",
  "zehn",
  "elf",
  "zwölf",
  "zwanzig",
  "dreißig",
  "fünfzig",
  "hundert",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "twenty",
  "thirty",
  "fifty",
  "hundred",
  "once",
  "twice",
  "einmal",
  "zweimal",
  "dreimal",
  "zehnmal",
]);

/** Emoji that mock or shrug. */
export const MOCK_EMOJI = new Set(["💅", "🙃", "🤷", "🤷‍♂️", "🤷‍♀️", "😏", "🥴", "😬", "🫠", "🫤", "💀"]);

/** A customer problem, reported: the ground for a neutral reading when nothing frames it. */
export const PROBLEM =
  / (?:beschwer\p{L}*|complain\p{L}*|reklamier\p{L}*|sauer|wütend|verärgert|frustriert|unzufrieden|nicht zufrieden|unhappy|upset|angry|furious|annoyed|genervt|wartet|warten|waiting|verspät\p{L}*|delay\p{L}*|late|ausgefallen|outage|broken|kaputt|defekt\p{L}*|fehlt|fehlen|missing|storniert|cancel\p{L}*|gekündigt|kündigen|churn\p{L}*|escalat\p{L}*|eskal\p{L}*|problem|probleme|issue|issues|bug|bugs|error|fehler)(?= )/u;

/** Acronyms that are not shouting. */
export const ACRONYMS = new Set([
  "CSAT",
  "NPS",
  "API",
  "APIS",
  "HTTP",
  "HTTPS",
  "SLA",
  "SLAS",
  "CRM",
  "ERP",
  "SAML",
  "OAUTH",
  "GDPR",
  "DSGVO",
  "SEPA",
  "IBAN",
  "QBR",
  "KPI",
  "KPIS",
  "ASAP",
  "FYI",
  "CEO",
  "CFO",
  "CTO",
  "COO",
  "B2B",
  "B2C",
  "SAAS",
  "SMS",
  "PDF",
  "CSV",
  "JSON",
  "HTML",
  "AGB",
  "GMBH",
  "IMHO",
  "TLDR",
  "ICE",
  "ÖPNV",
  "AIRBNB",
  "NASA",
  "UNICEF",
  "OECD",
  "BAFIN",
]);
