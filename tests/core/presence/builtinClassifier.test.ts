// Tests for the built-in customer-presence classifier, one block per cue family. All
// sentences are our own (not from the evaluation sets in /work/shared/eval or the training
// corpus in corpus/presence). Each test checks that the rules find the cue (via explain()) and
// what the whole classifier decides; the trained weights are checked to point each tone cue
// family the intended way.
import { describe, expect, it } from "vitest";
import {
  type BuiltinClassifier,
  builtinClassifier,
  classifyMessage,
  createBuiltinClassifier,
} from "../../../src/core/presence/builtinClassifier.js";
import type { PresenceVerdict, Tone } from "../../../src/core/presence/classifier.js";
import { decodeModel } from "../../../src/core/presence/linearModel.js";
import { PRESENCE_WEIGHTS } from "../../../src/core/presence/presenceWeights.js";
import { HAND_LABELLED } from "./handLabelled.js";

function cues(text: string, classifier: BuiltinClassifier = builtinClassifier): string[] {
  return classifier.explain(text).notes.map((n) => n.feature);
}
function expectVerdict(
  text: string,
  verdict: PresenceVerdict,
  classifier: BuiltinClassifier = builtinClassifier,
): void {
  expect(classifier.classifyMessage(text), text).toEqual(verdict);
}
const customer = (tone: Tone): PresenceVerdict => ({ customer: true, tone });
const NOT_CUSTOMER: PresenceVerdict = { customer: false, tone: null };

describe("customers named by their trade", () => {
  it("German trade words, with compounds, inflections and gender forms", () => {
    for (const text of [
      "Die Fahrgäste auf der Linie 9 bekommen ab Montag neue Fahrpläne.",
      "Zwei Kassenpatientinnen warten noch auf den Befund.",
      "Die Versicherungsnehmerin hat den Sturmschaden gemeldet.",
      "Die Mieterinnen im Erdgeschoss bekommen neue Fenster.",
      "Unsere Abonnent:innen erhalten das Heft am Freitag.",
      "Die Mandantschaft aus dem Handwerk fragt nach der E-Rechnung.",
      "Die Hotelgäste frühstücken ab sechs Uhr im Wintergarten.",
      "Die Bauherrin kommt am Donnerstag zur Abnahme.",
    ]) {
      expect(cues(text), text).toContain("c:word");
      expectVerdict(text, customer("neutral"));
    }
  });

  it("English trade words", () => {
    for (const text of [
      "Passengers on the late train get a taxi voucher.",
      "Policyholders can now file claims in the app.",
      "The homeowners want the quote by Friday.",
      "Our patrons can borrow e-books from next month.",
    ]) {
      expect(cues(text), text).toContain("c:word");
      expectVerdict(text, customer("neutral"));
    }
  });

  it("weighs words that also name staff or the public (Mitglieder) as weak", () => {
    const text = "Die Mitglieder trainieren meist abends nach der Arbeit.";
    expect(cues(text)).toContain("c:weak");
    expect(cues(text)).not.toContain("c:word");
    expectVerdict(text, customer("neutral"));
  });

  it("does not take compounds that mean something else for customers", () => {
    for (const text of [
      "Die Gastronomie im Erdgeschoss öffnet im Mai.",
      "Der Bürgermeister kommt zur Eröffnung des neuen Werks.",
      "Der Vermieter erhöht die Miete für unser Büro.",
      "Unser Teammitglied Lea übernimmt die Schicht.",
      "Der Kartenleser am Eingang ist schon wieder kaputt.",
    ]) {
      expect(cues(text), text).not.toContain("c:word");
      expectVerdict(text, NOT_CUSTOMER);
    }
  });
});

describe("customers named by company, person or place", () => {
  const named: [string, string, Tone][] = [
    ["Frau Albers von der Praxis am Ring bittet um Rückruf wegen der Lieferung.", "c:honorific", "neutral"],
    ["Mr. Delgado asked to move his appointment to Friday.", "c:honorific", "neutral"],
    ["Die Bestellung für das Autohaus Brenner ist verpackt und geht morgen raus.", "c:org", "neutral"],
    ["Closed Harwood Foods this morning 🎉", "c:sales", "positive"],
    ["Order for Linden Ltd ships tomorrow.", "c:company", "neutral"],
    ["Zimmer 412 wartet seit einer Stunde auf den Zimmerservice.", "c:locator", "neutral"],
    ["Table 7 would like the bill.", "c:locator", "neutral"],
    ["Familie Okoye reist einen Tag früher ab.", "c:family", "neutral"],
  ];
  it.each(named)("%s", (text, cue, tone) => {
    expect(cues(text)).toContain(cue);
    expectVerdict(text, customer(tone));
  });

  it("a named colleague or supplier is not a customer", () => {
    const text = "Frau Sommer aus der Buchhaltung ist heute krank.";
    expect(cues(text)).toContain("ff:internal");
    expect(cues(text)).not.toContain("c:honorific");
    expectVerdict(text, NOT_CUSTOMER);
  });
});

describe("false friends", () => {
  it("technical users, clients, tenants and consumers, internal customers and departments", () => {
    for (const text of [
      "Die IT sieht die Fachbereiche als interne Kunden.",
      "The customer service team moves to the second floor next week.",
      "The DB user for the reporting job needs a new password.",
      "The HTTP client retries too often on timeouts.",
      "Die Mandanten-ID fehlt im Token.",
      "Log in as the test user and check the menu.",
      "Please split the user story for the export.",
      "Rotate the client secret before the audit.",
      "The consumer electronics for the lab arrived.",
      "Check the tenant id in the staging config.",
      "Be patient, the deploy takes ten minutes.",
    ]) {
      expect(cues(text), text).toContain("ff:word");
      expectVerdict(text, NOT_CUSTOMER);
    }
  });
});

describe("tone carried by framing", () => {
  const framed: [string, string, Tone][] = [
    ["Das geht auf uns, ich rufe den Kunden selbst an und entschuldige mich.", "t+:ownership", "positive"],
    ["Die Gäste sind nicht das Problem, unser Check-in ist es.", "t+:defend", "positive"],
    ["Lasst uns erst verstehen, warum die Mieter die App nicht nutzen.", "t+:curiosity", "positive"],
    ["Können wir der Patientin einen früheren Termin anbieten?", "t+:accommodate", "positive"],
    [
      "Die Kundin ist nach dem Einbruch völlig verunsichert, können wir ihr heute noch jemanden vorbeischicken?",
      "t+:care",
      "positive",
    ],
    ["Typisch Mandant: alles am letzten Tag.", "t-:stereotype", "negative"],
    ["Angeblich hat der Kunde die Mahnung nie bekommen. Klar.", "t-:suspicion", "negative"],
    ["Der Kunde soll halt warten, wir haben Wichtigeres zu tun.", "t-:dismiss", "negative"],
    ["Die Nutzer lernen es nie, ich geb's auf.", "t-:resignation", "negative"],
    ["Oh wie schön, der Gast beschwert sich schon wieder über das Wetter.", "t-:irony", "negative"],
    ["Können wir den Kunden nicht einfach sperren? Der ruft jeden Tag an.", "t-:punitive", "negative"],
    ["Selbst schuld, wenn die Kunden die AGB nicht lesen.", "t-:blame", "negative"],
    ["Der Gast hat sein Zimmer „aus Versehen“ nicht bezahlt.", "t-:scare_quote", "negative"],
    ["The customer called eleven times today. Eleven.", "t-:staccato", "negative"],
    ["Kunde will schon wieder einen Rabatt 🙄", "t-:emoji", "negative"],
  ];
  it.each(framed)("%s", (text, cue, tone) => {
    expect(cues(text)).toContain(cue);
    expectVerdict(text, customer(tone));
  });

  it("respect, quoted praise and laughter are found", () => {
    expect(cues("Unsere Fahrgäste verdienen pünktliche Informationen.")).toContain("t+:respect");
    expect(cues("Zitat aus der Umfrage: „Endlich ein Anbieter, der zurückruft, wenn er es verspricht.“")).toContain(
      "t+:quote",
    );
    expect(cues("lol, a customer asked if we can deliver yesterday")).toContain("t-:laughter");
  });

  it("every appreciative cue family leans positive and every disparaging one negative", () => {
    const model = decodeModel(PRESENCE_WEIGHTS.join("\n"));
    const [, positive, , negative] = model.outputs.map((_, k) => k);
    for (const [name, w] of model.weights) {
      if (name.startsWith("t+:") && name !== "t+:team") expect(w[positive!]! - w[negative!]!, name).toBeGreaterThan(0);
      if (name.startsWith("t-:")) expect(w[negative!]! - w[positive!]!, name).toBeGreaterThan(0);
    }
  });
});

describe("negation", () => {
  it("finds negated praise and negated insults", () => {
    expect(cues("Der Gast war nicht zufrieden mit dem Zimmer und hat gewechselt.")).toContain("n:negated_praise");
    expect(cues("Die Fahrgäste sind keine Idioten, die Anzeige war einfach falsch.")).toContain("t+:negated_insult");
  });
  it("'nicht nur ... sondern' is no negation", () => {
    const text = "Der Kunde ist nicht nur unhöflich, sondern auch dreist.";
    expect(cues(text)).toContain("t-:adj");
    expectVerdict(text, customer("negative"));
  });
  it("a negated tone word counts through its negation cue, not as the word", () => {
    const e = builtinClassifier.explain("Der Gast war nicht zufrieden mit dem Zimmer und hat gewechselt.");
    expect(e.contributions.map((c) => c.feature)).toContain("w:zufrieden (negated)");
  });
});

describe("industry presets and workspace terms", () => {
  it("a preset switches on the words of its trade", () => {
    const text = "Alle Teilnehmer bekommen den Link per Mail.";
    expectVerdict(text, NOT_CUSTOMER);
    const publicSector = createBuiltinClassifier({ industry: "public" });
    expect(cues(text, publicSector)).toContain("c:word");
    expectVerdict(text, customer("neutral"), publicSector);
  });

  it("terms match case-insensitively on word boundaries, multi-word and inflected", () => {
    const workspace = createBuiltinClassifier({ terms: ["Stadtwerke Nord", "Acme", "HubSpot"] });
    for (const text of [
      "Stadtwerke Nord hat die Abschlagszahlung angepasst.",
      "STADTWERKE NORD hat angerufen.",
      "Acme's rollout starts Monday.",
      "HubSpot hat die Verlängerung unterschrieben.",
    ]) {
      expect(
        workspace.explain(text).notes.some((n) => n.text.endsWith("(workspace term)")),
        text,
      ).toBe(true);
      expect(workspace.classifyMessage(text).customer, text).toBe(true);
    }
    for (const text of ["Acmetrics dashboards are slow today.", "Die Stadtwerke haben Nordwind als Lieferant."]) {
      expect(
        workspace.explain(text).notes.some((n) => n.text.endsWith("(workspace term)")),
        text,
      ).toBe(false);
    }
    // without the terms, the same names are nothing special
    expect(classifyMessage("STADTWERKE NORD hat angerufen.").customer).toBe(false);
  });

  it("ten thousand account names", () => {
    const names = Array.from({ length: 10_000 }, (_, k) => `Kontor ${k} Logistik`);
    const workspace = createBuiltinClassifier({ terms: names });
    expect(
      workspace
        .explain("Kontor 9876 Logistik hat heute bestellt.")
        .notes.find((n) => n.text.endsWith("(workspace term)"))?.text,
    ).toBe("Kontor 9876 Logistik (workspace term)");
    expect(
      workspace
        .explain("Kontor 12345 Logistik hat heute bestellt.")
        .notes.some((n) => n.text.endsWith("(workspace term)")),
    ).toBe(false);
  });
});

describe("bad input", () => {
  const valid = (v: PresenceVerdict): boolean =>
    v.customer ? ["positive", "neutral", "negative"].includes(v.tone!) : v.tone === null;
  it("empty, 100 KB, emoji-only, mixed-language and binary-looking texts classify without throwing", () => {
    const binary = Array.from({ length: 4096 }, (_, k) => String.fromCharCode((k * 7919) % 65536)).join("");
    for (const text of [
      "",
      "   \n\t ",
      "Der Kunde ".repeat(10_000),
      "🎉🙄💅😂".repeat(50),
      "Der customer ist sehr happy mit dem neuen Tarif, merci!",
      binary,
      "\u0000\u0001\u0002",
      "`".repeat(10_000),
    ]) {
      const v = classifyMessage(text);
      expect(valid(v), text.slice(0, 40)).toBe(true);
      expect(classifyMessage(text)).toEqual(v);
    }
    expect(classifyMessage("")).toEqual(NOT_CUSTOMER);
  });
});

describe("the sentences labelled for the first classifier", () => {
  const verdicts = HAND_LABELLED.map(([text]) => classifyMessage(text));
  it("agree with the hand labels for at least 90 % of the sentences", () => {
    const misses = HAND_LABELLED.filter(
      ([, c, tone], k) => verdicts[k]!.customer !== c || verdicts[k]!.tone !== tone,
    ).map(([text]) => text);
    expect(1 - misses.length / HAND_LABELLED.length, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });
  it("keep every non-customer sentence (false friends, office chatter) out", () => {
    const wrong = HAND_LABELLED.filter(([, c], k) => !c && verdicts[k]!.customer).map(([text]) => text);
    expect(wrong).toEqual([]);
  });
});

describe("builtinClassifier", () => {
  it("classifies a batch in order", async () => {
    expect(builtinClassifier.name).toBe("builtin");
    const out = await builtinClassifier.classify(["Der Kunde hat heute unterschrieben! 🎉", "Mittagessen um 12?"]);
    expect(out).toEqual([customer("positive"), NOT_CUSTOMER]);
    expect(await builtinClassifier.classify([])).toEqual([]);
  });
});
