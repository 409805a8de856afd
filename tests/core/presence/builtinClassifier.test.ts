// Tests for the built-in customer-presence classifier. All sentences are our own (not from
// the dev set in /work/shared/eval), written to exercise one rule each, plus a table of
// varied German/English chatter that checks the rules generalise.
import { describe, expect, it } from "vitest";
import { builtinClassifier, classifyMessage } from "../../../src/core/presence/builtinClassifier.js";
import type { Tone } from "../../../src/core/presence/classifier.js";

function expectCustomer(text: string, tone: Tone): void {
  expect(classifyMessage(text), text).toEqual({ customer: true, tone });
}
function expectNotCustomer(text: string): void {
  expect(classifyMessage(text), text).toEqual({ customer: false, tone: null });
}

describe("customer word families", () => {
  it("recognises Kunde/Kundin/Kundschaft with inflections and compounds", () => {
    for (const text of [
      "Der Kunde ruft morgen zurück.",
      "Drei Kundinnen haben nach der Rechnung gefragt.",
      "Die Kundschaft in Bayern bestellt eher telefonisch.",
      "Bestandskunden zahlen den alten Preis.",
      "Das Kundenfeedback liegt im Ordner.",
      "Die Neukundin möchte eine Einweisung.",
      "Der Großkunde will die Lieferung splitten.",
      "Unsere Endkunden sehen davon nichts.",
      "Die Kund:innen bekommen eine Mail.",
      "Die KundInnen bekommen eine Mail.",
      "Kundenzufriedenheit wird im Herbst gemessen.",
    ]) expectCustomer(text, "neutral");
  });

  it("recognises other German customer words", () => {
    for (const text of [
      "Die Käuferin hat per Vorkasse bezahlt.",
      "Verbraucher müssen den Preis inklusive Steuer sehen.",
      "Die Nutzer der App melden sich meist abends an.",
      "Der Abonnent bekommt die Ausgabe per Post.",
      "Ein Interessent aus Graz hat sich gemeldet.",
      "Die Anwenderinnen arbeiten meist am Tablet.",
    ]) expectCustomer(text, "neutral");
  });

  it("recognises English customer words", () => {
    for (const text of [
      "The customer uploads files every Friday.",
      "Clients in France pay by bank transfer.",
      "Our end-users mostly work on tablets.",
      "Shoppers mostly pay with cards.",
      "The buyer wants an itemised invoice.",
      "Subscribers get the digest on Mondays.",
      "A prospect from Lyon booked a call.",
      "Key accounts get a dedicated contact.",
    ]) expectCustomer(text, "neutral");
  });

  it("recognises customer metrics", () => {
    for (const text of [
      "NPS survey goes out on Tuesday.",
      "Churn this quarter is at 3%.",
      "Die Reklamation wird bis Freitag bearbeitet.",
      "Beschwerden bitte ins Ticketsystem.",
      "CSAT results are in the dashboard.",
      "Ratings in the app store mention the search.",
    ]) expectCustomer(text, "neutral");
  });

  it("recognises a named company with an order or contract", () => {
    expectCustomer("Shipment for Hansen GmbH leaves tomorrow.", "neutral");
    expectCustomer("Die Bestellung der Weber AG ist verpackt.", "neutral");
  });
});

describe("technical false friends", () => {
  it("does not count technical users, clients and consumers", () => {
    for (const text of [
      "The DB user needs a new password.",
      "Create a database user for the reporting job.",
      "The HTTP client times out after 30 seconds.",
      "Our API client is generated from the OpenAPI spec.",
      "The client secret must not be logged.",
      "Put the client id into the config.",
      "Log in as the test user and check the menu.",
      "Der Testkunde im Staging hat keine Adresse.",
      "Die Mandanten-ID fehlt im Token.",
      "The API consumer gets a 429 after 100 calls.",
      "Parse the user agent on the server.",
      "Disable SSH login for the root user.",
      "The user table has a duplicate index.",
      "Bump the client library to 4.2.",
      "My SSH client cannot reach the bastion host.",
      "Rotate the clientSecret before the audit.",
      "customer_id is nullable in the orders schema.",
    ]) expectNotCustomer(text);
  });

  it("does not count words that merely contain 'kunde'", () => {
    expectNotCustomer("Die Seite lädt in zwei Sekunden.");
    expectNotCustomer("Ich habe die Urkunde eingescannt.");
    expectNotCustomer("Wir sollten erkunden, ob es ein besseres Tool gibt.");
    expectNotCustomer("Erdkunde war mein Lieblingsfach.");
  });

  it("does not count plain office chatter", () => {
    expectNotCustomer("Wer hat den Beamer im Raum 4 zuletzt benutzt?");
    expectNotCustomer("The staging deploy is green, merging now.");
    expectNotCustomer("Code reviews are piling up, please help out.");
  });
});

describe("tone: positive", () => {
  it("appreciation and thanks", () => {
    expectCustomer("Vielen Dank an Lisa, die Kundin war begeistert vom Workshop!", "positive");
    expectCustomer("Big thanks to the team, the client called to say how happy they are.", "positive");
  });
  it("customer wins", () => {
    expectCustomer("Der Kunde hat das Angebot heute unterschrieben.", "positive");
    expectCustomer("We won two new customers in Spain this week.", "positive");
  });
  it("learning from customers", () => {
    expectCustomer("Heute einen halben Tag bei einer Kundin im Lager verbracht – sehr aufschlussreich.", "positive");
    expectCustomer("Watched a user onboard herself today, really insightful.", "positive");
  });
  it("putting the customer first", () => {
    expectCustomer("Lasst uns die Nutzer vor dem Relaunch befragen.", "positive");
    expectCustomer("Let's not make customers re-enter their address twice.", "positive");
    expectCustomer("Wir sollten die Kunden nicht mit Pflichtfeldern quälen.", "positive");
  });
  it("improving customer metrics", () => {
    expectCustomer("Die Reklamationen sind seit dem neuen Karton um ein Drittel gesunken.", "positive");
    expectCustomer("Churn dropped to 1.5% after the pricing change.", "positive");
    expectCustomer("No complaints since we moved the FAQ up.", "positive");
  });
  it("positive emoji", () => {
    expectCustomer("Kunde aus Linz ist jetzt live 🎉", "positive");
    expectCustomer("The customer sent us cookies 😊", "positive");
  });
});

describe("tone: negative", () => {
  it("insults and disparaging adjectives", () => {
    expectCustomer("Der Kunde ist so ein Besserwisser.", "negative");
    expectCustomer("Diese Nutzer sind echt nervig.", "negative");
    expectCustomer("The client is clueless about their own process.", "negative");
    expectCustomer("Users are idiots sometimes.", "negative");
  });
  it("blaming and mocking", () => {
    expectCustomer("Die Kundschaft kapiert es einfach nicht.", "negative");
    expectCustomer("Customers just don't read anything we send them.", "negative");
    expectCustomer("Kunde fragt zum dritten Mal dasselbe 🙄", "negative");
    expectCustomer("Another client who thinks support is free. Wonderful.", "negative");
  });
});

describe("tone: neutral", () => {
  it("factual statements", () => {
    expectCustomer("Die Kundin zieht im Mai nach Bremen um.", "neutral");
    expectCustomer("Customers in Canada get the update next week.", "neutral");
  });
  it("customer problems reported without contempt", () => {
    expectCustomer("Kunden beschweren sich über die langsame Suche.", "neutral");
    expectCustomer("The customer is angry that the refund takes so long.", "neutral");
    expectCustomer("Complaints about the new login went up this week.", "neutral");
  });
  it("one mild cue alone is not contempt", () => {
    expectCustomer("Kunden wollen kostenlosen Versand.", "neutral");
    expectCustomer("Users can't find the export button, we need to fix the layout.", "neutral");
  });
});

describe("negation", () => {
  it("negated praise is a neutral customer problem", () => {
    expectCustomer("Der Kunde ist nicht zufrieden mit dem Update.", "neutral");
    expectCustomer("The client is not happy with the timeline.", "neutral");
    expectCustomer("Der Kunde hat nicht verlängert.", "neutral");
  });
  it("negated insults take the customer's side", () => {
    expectCustomer("Unsere Nutzer sind nicht dumm, der Dialog ist missverständlich.", "positive");
    expectCustomer("Customers aren't stupid, the form is just confusing.", "positive");
  });
  it("'nicht nur' and 'not even' are not negations", () => {
    expectCustomer("Der Kunde ist nicht nur nervig, sondern auch laut.", "negative");
  });
  it("never again: protective vs dismissive", () => {
    expectCustomer("So ein Fehler darf einem Kunden nie wieder passieren.", "positive");
    expectCustomer("Never again with this client, honestly.", "negative");
  });
  it("kein Problem is not a tone cue", () => {
    expectCustomer("Kein Problem, ich rufe den Kunden nachher an.", "neutral");
  });
});

describe("sarcasm and emoji", () => {
  it("a lone praise word after bad news is sarcasm", () => {
    expectCustomer("Customer yelled at our intern again. Great.", "negative");
    expectCustomer("Na toll, der Kunde will schon wieder alles umbauen.", "negative");
  });
  it("a lone praise word after good news stays sincere", () => {
    expectCustomer("Der Kunde hat verlängert. Großartig!", "positive");
  });
  it("eye-roll and facepalm emoji mock the customer", () => {
    expectCustomer("User hat das Passwort wieder vergessen 🤦", "negative");
  });
});

describe("realistic chatter (own sentences)", () => {
  const cases: [string, boolean, Tone | null][] = [
    ["Der Kunde hat sich heute dreimal über die Rechnung beschwert.", true, "neutral"],
    ["Unsere Bestandskunden bekommen das Update erst im März.", true, "neutral"],
    ["Kannst du die Kundennummer im CRM nachtragen?", true, "neutral"],
    ["Die Großkundin aus Hamburg hat den Rahmenvertrag verlängert 🎉", true, "positive"],
    ["Ehrlich, diese Kunden sind so nervig, die lesen nie die Mail.", true, "negative"],
    ["Der DB-User für Reporting braucht Leserechte.", false, null],
    ["Bitte den HTTP-Client auf Version 3 heben.", false, null],
    ["Die Sekunden im Timer werden falsch angezeigt.", false, null],
    ["Ich hab die Geburtsurkunde für die Elternzeit eingereicht.", false, null],
    ["Der Testkunde im Staging hat kaputte Stammdaten.", false, null],
    ["Die Mandanten-ID fehlt im Header.", false, null],
    ["Die Kundin war nicht zufrieden mit der Lieferzeit.", true, "neutral"],
    ["Kein Wunder, dass die Kundschaft abwandert, wenn der Checkout so lange dauert.", true, "neutral"],
    ["Vielen Dank an Jana, die Kundin hat sich persönlich für den schnellen Support bedankt!", true, "positive"],
    ["Typisch Kunde, will alles gestern und zahlt nie pünktlich 🙄", true, "negative"],
    ["Die Nutzer finden den neuen Export nicht – sollten wir den Button größer machen?", true, "neutral"],
    ["Lasst uns die Interessenten zum Beta-Webinar einladen.", true, "positive"],
    ["Keine einzige Reklamation seit dem neuen Lieferanten.", true, "positive"],
    ["Der NPS ist im Q3 auf 52 gestiegen.", true, "positive"],
    ["Retourenquote bei 12 %, wir schauen uns die Gründe an.", true, "neutral"],
    ["Die Kunden sind keine Idioten, unser Formular ist einfach verwirrend.", true, "positive"],
    ["Der Root-User auf dem Server sollte deaktiviert werden.", false, null],
    ["Kundenbesuch bei der Stadtwerke Bonn war super spannend, viel gelernt.", true, "positive"],
    ["Nutzerinnen im Interview wollten vor allem einen PDF-Export.", true, "neutral"],
    ["Wer kümmert sich um das Kundenticket von gestern?", true, "neutral"],
    ["Na toll, schon wieder ein Kunde, der sein Passwort vergessen hat.", true, "negative"],
    ["Der Käufer hat die Ware zurückgeschickt, weil sie beschädigt war.", true, "neutral"],
    ["Die Verbraucherzentrale hat sich wegen unserer AGB gemeldet.", true, "neutral"],
    ["Die Klimaanlage ist der größte Stromverbraucher im Gebäude.", false, null],
    ["Ich bin morgen beim Zahnarzt, ab 11 wieder da.", false, null],
    ["Wir sollten die Kundinnen nicht mit drei Bestätigungsmails zuspammen.", true, "positive"],
    ["Das Feedback der Abonnenten zum neuen Newsletter ist durchweg positiv!", true, "positive"],
    ["Die Beschwerden über die App häufen sich, Ticketvolumen doppelt so hoch.", true, "neutral"],
    ["The customer escalated again because the invoice was wrong.", true, "neutral"],
    ["Shoutout to Priya for staying late to help that customer, they were really grateful.", true, "positive"],
    ["These users are clueless, they click every button except the right one 🤦", true, "negative"],
    ["Rotate the API client credentials before Friday.", false, null],
    ["The SSH client on the build agents is outdated.", false, null],
    ["Our user table needs an index on email.", false, null],
    ["The user agent string breaks our parser.", false, null],
    ["Churn went down to 2% after the onboarding revamp.", true, "positive"],
    ["A prospect from Berlin booked a demo for next Tuesday.", true, "neutral"],
    ["Subscribers aren't happy about the price increase.", true, "neutral"],
    ["We lost the Globex deal, they went with a cheaper vendor.", true, "neutral"],
    ["Why don't we invite a few power users to the sprint review?", true, "positive"],
    ["Customers are not stupid, our checkout is just confusing.", true, "positive"],
    ["Can someone restart the Kafka consumer? Lag is huge.", false, null],
    ["Lunch is on me today, pizza at 12.", false, null],
    ["Buyers keep asking for an invoice in PDF, can we add that?", true, "neutral"],
    ["The client loved the new dashboard and wants to roll it out to all teams!", true, "positive"],
    ["Another clueless client asking how to log in. Great.", true, "negative"],
    ["Ugh, customers always complain about everything, no matter what we ship.", true, "negative"],
    ["Reviews on the App Store are mostly about the login bug.", true, "neutral"],
    ["Code reviews are piling up, please help out.", false, null],
    ["The test customer in sandbox has a broken address.", false, null],
    ["No complaints so far since the redesign 🙌", true, "positive"],
    ["Key accounts need a heads-up before we change the pricing.", true, "neutral"],
    ["Honestly, I get why the client is upset, we promised a date we couldn't keep.", true, "positive"],
    ["The root user on the box has no password, fix ASAP.", false, null],
    ["Let's not make our users wait for the export email, just show it inline.", true, "positive"],
    ["Thanks, I'll look at the customer invoice later.", true, "neutral"],
    ["End users can now reset their password themselves.", true, "neutral"],
    ["Customers find the new menu annoying and hard to navigate.", true, "neutral"],
    ["Users just can't read, it says right there on the screen lol", true, "negative"],
    ["Mail client keeps crashing on my laptop.", false, null],
    ["Great talk with a customer today about how they plan their week, super insightful.", true, "positive"],
    ["Juhu, die Firma Keller hat heute den Auftrag bestätigt!", true, "positive"],
    ["Die Kundin hat uns eine Dankeskarte geschickt, wie süß ❤️", true, "positive"],
    ["Die Endkundin versteht die Rechnung nicht, bitte Erklärungstext prüfen.", true, "neutral"],
    ["Wieder so ein Schlaumeier-Kunde, der meint, er wüsste alles besser.", true, "negative"],
    ["Interview mit einem Nutzer heute: er exportiert alles nach Excel und baut dort Pivot-Tabellen.", true, "neutral"],
    ["Die Kundschaft ist halt zu blöd zum Lesen.", true, "negative"],
    ["Könnten wir zwei, drei Bestandskunden zum Prototyp befragen?", true, "positive"],
    ["Das Onboarding für Neukunden dauert aktuell zwei Wochen.", true, "neutral"],
    ["Seit dem neuen Versandpartner gibt es deutlich weniger Beschwerden.", true, "positive"],
    ["Bitte den Benutzernamen im LDAP anpassen.", false, null],
    ["Der Service-User für den Import hat kein Passwort mehr.", false, null],
    ["Kunde hat gekündigt, weil die Integration mit SAP fehlt.", true, "neutral"],
    ["Ich finde es toll, wie geduldig Tom mit der Kundin am Telefon war.", true, "positive"],
    ["Diese Kundschaft will immer Rabatt, egal was.", true, "negative"],
    ["Die Käuferinnen im Shop nutzen fast nur noch PayPal.", true, "neutral"],
    ["Wir haben die Kundin heute zurückgerufen und uns für den Fehler entschuldigt.", true, "positive"],
    ["Kann jemand das Zertifikat für den Mailserver erneuern?", false, null],
    ["Stell dir vor, du wärst Kunde und müsstest dich durch zehn Menüs klicken.", true, "positive"],
    ["Unsere Kunden verdienen eine schnellere Antwort als 48 Stunden.", true, "positive"],
    ["Die Kunden nerven mit ihren ständigen Sonderwünschen.", true, "negative"],
    ["Die vielen Pop-ups nerven unsere Nutzer.", true, "neutral"],
    ["Kurzer Status: Angebot an die Müller AG ist raus.", true, "neutral"],
    ["Heute Abend Teamessen beim Italiener, 19 Uhr.", false, null],
    ["Die Anwender im Werk arbeiten mit Handschuhen, das müssen wir beim Design bedenken.", true, "positive"],
    ["Rezensionen auf Trustpilot sind aktuell gemischt.", true, "neutral"],
    ["Big win: Initech signed a three-year contract this morning 🥳", true, "positive"],
    ["Customer called, furious that the shipment is late again.", true, "neutral"],
    ["Honestly these clients are a nightmare, they change the scope every week.", true, "negative"],
    ["Sat in on three user interviews today, learned so much about how they work.", true, "positive"],
    ["Our NPS dropped by 8 points this quarter.", true, "neutral"],
    ["We should loop in a few customers before finalizing the roadmap.", true, "positive"],
    ["Make sure the OAuth client id is set in the env file.", false, null],
    ["The database user needs read access to the analytics schema.", false, null],
    ["Retention is up 5% thanks to the new onboarding emails.", true, "positive"],
    ["The shopper drop-off at the payment step is around 30%.", true, "neutral"],
    ["Customers who use the mobile app renew more often.", true, "neutral"],
    ["Karen from Acme again. Wants a refund for a feature she never used 🙄", true, "negative"],
    ["Please don't blame the customer, the docs were wrong.", true, "positive"],
    ["The client library throws on empty responses.", false, null],
    ["Our subscribers get the newsletter every Thursday.", true, "neutral"],
    ["Who's presenting at the all-hands?", false, null],
    ["Clients are asking whether we support SSO, can someone answer in the thread?", true, "neutral"],
    ["So grateful for our customers' patience during the outage.", true, "positive"],
    ["The consumer group is rebalancing constantly.", false, null],
    ["Users won't read the tooltip anyway, they're too lazy.", true, "negative"],
    ["Not a single customer complaint this week, nice work team!", true, "positive"],
    ["The prospect wasn't impressed by the demo.", true, "neutral"],
    ["I love how our support team handles angry customers with so much calm.", true, "positive"],
    ["Customers keep asking for dark mode.", true, "neutral"],
    ["If we were the customer, would we put up with this signup flow?", true, "positive"],
    ["Der Kunde hat sich beim Geschäftsführer beschwert, dass wir nicht zurückrufen.", true, "neutral"],
    ["Die Nutzerzahlen sind im Oktober um 15 % gewachsen.", true, "neutral"],
    ["Boah, die Kundin ist echt anstrengend heute.", true, "negative"],
    ["Die User raffen es einfach nicht, dass man erst speichern muss.", true, "negative"],
    ["Unser Lieblingskunde aus Wien hat wieder bestellt 😊", true, "positive"],
    ["Kunden aus der Schweiz zahlen per Rechnung, nicht per Kreditkarte.", true, "neutral"],
    ["Ich hab mir heute zwei Stunden die Support-Tickets durchgelesen, sehr aufschlussreich.", true, "positive"],
    ["Das Deployment ist durch, bitte kurz testen.", false, null],
    ["Hat jemand den Schlüssel für den Serverraum?", false, null],
    ["Die Kundennummern sind jetzt achtstellig.", true, "neutral"],
    ["Ich versteh nicht, warum der Build auf main rot ist.", false, null],
    ["Kunde ist sauer, weil die Lieferung schon wieder verspätet ist.", true, "neutral"],
    ["Danke an alle, die am Wochenende für die Kunden erreichbar waren!", true, "positive"],
    ["Die Kunden sollen gefälligst die Anleitung lesen.", true, "negative"],
    ["Wir müssen den Kundinnen den Wechsel so einfach wie möglich machen.", true, "positive"],
    ["Wer übernimmt die Demo für den Interessenten aus Köln?", true, "neutral"],
    ["Bewertungen im Play Store sind auf 4,6 Sterne gestiegen.", true, "positive"],
    ["Leistungsbewertungen müssen bis Ende Juni im HR-Tool sein.", false, null],
    ["Der Auftraggeber möchte das Konzept bis Freitag sehen.", true, "neutral"],
    ["Die Kunden haben keine Ahnung, was sie eigentlich wollen.", true, "negative"],
    ["Keine Ahnung, ob der Kunde schon bezahlt hat.", true, "neutral"],
    ["Für unsere Kunden ist der Ausfall natürlich extrem ärgerlich, sorry nochmal.", true, "positive"],
    ["Kunden-Workshop nächste Woche: bitte Themen sammeln.", true, "neutral"],
    ["Ich habe die Kündigung der Wohnung eingereicht, bin ab Mai in Leipzig.", false, null],
    ["The customer hasn't paid the last two invoices.", true, "neutral"],
    ["Customer success just shared that Acme renewed for two more years!", true, "positive"],
    ["Honestly customers are the worst, always trying to get a discount.", true, "negative"],
    ["Our users in Japan mostly browse on mobile.", true, "neutral"],
    ["Rotate the client secret and update the vault entry.", false, null],
    ["What a lovely email from a client this morning, made my day ❤️", true, "positive"],
    ["I feel bad for the user who lost her data, let's see what we can recover.", true, "positive"],
    ["The customer doesn't understand our pricing, maybe the page needs work.", true, "neutral"],
    ["The users don't understand anything, seriously, they're hopeless.", true, "negative"],
    ["Add the new hire to the Slack users group.", false, null],
    ["Another day, another customer asking for a custom integration. Sigh.", true, "negative"],
    ["Client asked for a quote for 200 more seats.", true, "neutral"],
    ["Heads up: the postgres user password expires tomorrow.", false, null],
    ["We shipped the fix the customer asked for, they said it works great now.", true, "positive"],
    ["Prospects keep dropping off after the free trial.", true, "neutral"],
    ["Users are complaining that the app logs them out every hour.", true, "neutral"],
    ["Our buyers are mostly procurement teams at mid-size companies.", true, "neutral"],
    ["The weekly customer call got moved to Thursday.", true, "neutral"],
    ["These customers want enterprise features at a startup price. Unbelievable.", true, "negative"],
    ["Let's get some real customers to try the beta before we announce it.", true, "positive"],
    ["Printer on floor 3 is jammed again.", false, null],
    ["The customer threatened to leave if we don't fix it by Monday.", true, "neutral"],
    ["Love seeing so many happy customers in the community forum!", true, "positive"],
    ["Fix the user agent parsing in the analytics middleware.", false, null],
    ["The GitHub user for the deploy bot got rate limited.", false, null],
    ["Der Kunde hat den Vertrag nicht verlängert, zu teuer.", true, "neutral"],
    ["Wir haben heute 40 neue Abonnenten gewonnen, Rekordtag!", true, "positive"],
    ["Die Kundenzufriedenheit liegt laut Umfrage bei 78 %.", true, "neutral"],
    ["Ganz ehrlich, manche Kunden sind einfach unverschämt.", true, "negative"],
    ["Ich habe gestern im Laden zugeschaut, wie Kundinnen unser Regal suchen. Sehr spannend!", true, "positive"],
    ["Kann jemand den API-Client für das Payment-Gateway reviewen?", false, null],
    ["Bitte legt für den Workshop einen Test-User im Staging an.", false, null],
    ["Endkunden bekommen ab morgen eine SMS, wenn das Paket unterwegs ist.", true, "neutral"],
    ["Die Nutzer meckern schon wieder über das neue Design.", true, "negative"],
    ["Wir sollten bei jeder Entscheidung fragen, was sie für die Kunden bedeutet.", true, "positive"],
    ["Der Kunde will das Feature umsonst, weil er schon so lange dabei ist.", true, "neutral"],
    ["Käufer:innen brechen im Checkout ab, wenn Versandkosten erst am Ende erscheinen.", true, "neutral"],
    ["Morgen ist Betriebsversammlung im großen Saal.", false, null],
    ["Großes Lob von der Kundin für die schnelle Reparatur!", true, "positive"],
    ["Der Verbraucher hat ein Recht auf Widerruf innerhalb von 14 Tagen.", true, "neutral"],
    ["Mir doch egal, was der Kunde will, das steht so im Vertrag. 🙄", true, "negative"],
    ["Welcher Kunde hat eigentlich die meisten offenen Tickets?", true, "neutral"],
    ["Heute keine einzige Beschwerde in der Hotline – Danke ans ganze Team!", true, "positive"],
    ["Das SSL-Zertifikat des Webclients läuft nächste Woche ab.", false, null],
    ["Die Pilotkunden waren vom Prototyp begeistert.", true, "positive"],
    ["Customer asked to move the go-live to next month.", true, "neutral"],
    ["We finally won back the Northwind account 🎉", true, "positive"],
    ["Some of these users are just impossible to please.", true, "negative"],
    ["User research shows most people never open the settings page.", true, "neutral"],
    ["Can we please stop spamming our customers with upsell emails?", true, "positive"],
    ["Client id and redirect URI are in 1Password.", false, null],
    ["The DB user for migrations lacks ALTER permissions.", false, null],
    ["Customers in the EU will see prices including VAT.", true, "neutral"],
    ["Our CSAT went up from 82 to 89 this month!", true, "positive"],
    ["Complaints about delivery times doubled since the warehouse move.", true, "neutral"],
    ["Seriously, how dumb do you have to be to not find the login button?", false, null],
    ["A customer wrote in to say our onboarding was the smoothest they've seen 😊", true, "positive"],
    ["The shopper survey closes on Friday.", true, "neutral"],
    ["Haha, a client just asked if we can make the internet faster.", true, "negative"],
    ["Please update the Slack client on your laptops.", false, null],
    ["I'm meeting the Contoso buyers on Wednesday to walk through the proposal.", true, "neutral"],
    ["Users who abandon onboarding mostly get stuck on the import step.", true, "neutral"],
    ["Thank you to our beta users for all the bug reports, super helpful!", true, "positive"],
    ["The customer isn't wrong here, our invoice was confusing.", true, "positive"],
    ["That client is such a pain, every call takes two hours.", true, "negative"],
    ["Die Kundin ist nicht glücklich mit der neuen Preisstruktur.", true, "neutral"],
    ["Kein Kunde hat sich bisher über die Umstellung beschwert 👍", true, "positive"],
    ["Die Kunden sind nicht dumm – wenn sie abbrechen, liegt es an uns.", true, "positive"],
    ["Ehrlich gesagt ist der Kunde nicht nur anstrengend, sondern auch unhöflich.", true, "negative"],
    ["Bitte den Nutzer „reporting_ro“ in der Datenbank anlegen.", false, null],
    ["Der Webshop-Nutzer kann seit dem Update keine Gutscheine mehr einlösen.", true, "neutral"],
    ["Bitte trag dich bis Freitag in die Urlaubsliste ein.", false, null],
    ["Erkundet mal bitte, ob es eine bessere Logging-Lösung gibt.", false, null],
    ["Ich möchte mein Interesse an der Teamlead-Stelle bekunden.", false, null],
    ["Stammkunden bekommen ab Montag 10 % Rabatt.", true, "neutral"],
    ["Die Kundin hat am Telefon geweint, weil ihr Paket seit drei Wochen fehlt. Das darf nie wieder passieren.", true, "positive"],
    ["Nie wieder so einen Kunden, ehrlich.", true, "negative"],
    ["Wie wäre es, wenn wir die Release Notes aus Sicht der Nutzer schreiben?", true, "positive"],
    ["Die Entwickler beschweren sich über die langsame CI.", false, null],
    ["Umsatz mit Firmenkunden ist im Q2 leicht gesunken.", true, "neutral"],
    ["The customer is not happy with the response time.", true, "neutral"],
    ["Not a single user has complained about the new layout.", true, "positive"],
    ["Users aren't dumb, the button is literally hidden.", true, "positive"],
    ["Never again will we ship without talking to at least one customer.", true, "positive"],
    ["The HTTP client retries too aggressively on 503s.", false, null],
    ["Our client in Munich wants the workshop moved to June.", true, "neutral"],
    ["Which user is the cron job running as?", false, null],
    ["The admin user can't log into the dashboard either.", false, null],
    ["Consumers are spending less on premium plans this year.", true, "neutral"],
    ["Subscribers who churned mostly cited price.", true, "neutral"],
    ["Seriously, can customers not read? It's in bold!", true, "negative"],
    ["Please be patient with the client, they're dealing with a lot right now.", true, "positive"],
    ["I don't think the customer is being unreasonable here.", true, "positive"],
    ["We got a one-star review calling our support rude.", true, "neutral"],
    ["The onboarding call with the new customer went really well 🙌", true, "positive"],
  ];
  it.each(cases)("%s", (text, customer, tone) => {
    expect(classifyMessage(text)).toEqual({ customer, tone });
  });
});

describe("builtinClassifier", () => {
  it("classifies a batch in order", async () => {
    expect(builtinClassifier.name).toBe("builtin");
    const out = await builtinClassifier.classify(["Der Kunde hat unterschrieben!", "Mittagessen um 12?"]);
    expect(out).toEqual([
      { customer: true, tone: "positive" },
      { customer: false, tone: null },
    ]);
  });
  it("handles empty input", () => {
    expect(classifyMessage("")).toEqual({ customer: false, tone: null });
    expect(classifyMessage("   ")).toEqual({ customer: false, tone: null });
  });
  it("is fast enough for bulk use", () => {
    const texts = cases_for_speed();
    for (let i = 0; i < 2000; i++) classifyMessage(texts[i % texts.length]!); // JIT warm-up
    const n = 20000;
    const start = performance.now();
    for (let i = 0; i < n; i++) classifyMessage(texts[i % texts.length]!);
    const perSecond = n / ((performance.now() - start) / 1000);
    expect(perSecond).toBeGreaterThan(10000);
  });
});

function cases_for_speed(): string[] {
  return [
    "Der Kunde hat den Vertrag heute verlängert, danke an alle! 🎉",
    "The HTTP client retries too aggressively on 503s.",
    "Diese Nutzer lesen einfach nie die Anleitung 🙄",
    "Customers in the EU will see prices including VAT.",
    "Wer bringt morgen Kuchen mit?",
  ];
}
