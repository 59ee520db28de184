/* hark-ad-language.c — the episode's language, and how reads are worded in it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each lexicon names, in its language, the concepts the English tables of hark-ad-evidence.c
 * name: sponsor talk and "brought to you by", a break announced, the show's own offers (support,
 * donations, memberships, a book or a course of one's own), calls to action, offers and codes,
 * events (tours, tickets), housekeeping (subscribe, rate, follow, credits), returns to the show,
 * and the broad classes the window model weighs. They are the common words of the trade, not
 * any show's wording.
 */
#include "segments/hark-ad-language.h"

#include <string.h>

/* Too few words to tell a language by. */
#define MIN_WORDS 40
/* The language's function words must make this share of all words … */
#define MIN_SHARE 0.10
/* … and outnumber English's (and any other's) by this much. */
#define MARGIN 1.3
/* Enough words to tell: the rest of a long transcript adds nothing. */
#define MAX_TALLIED_WORDS 8000

/* Each language's commonest function words, folded; some are shared, the distinctive ones
 * decide. */
static const char *const function_words[HARK_AD_N_LANGUAGES][32] = {
  [HARK_AD_LANGUAGE_ENGLISH] = { "the", "and", "that", "you", "it's", "of", "to", "was", "this",
                                 "what", "with", "have", "but", "they", "are", "for", "just",
                                 "like", "don't", "we're", "is", "it", "i'm", "that's", NULL },
  [HARK_AD_LANGUAGE_GERMAN] = { "der", "die", "das", "und", "ist", "nicht", "ich", "es", "ein",
                                "eine", "zu", "mit", "auf", "sich", "dass", "wir", "auch",
                                "aber", "den", "dem", "wie", "noch", "oder", "sind", "haben",
                                "wenn", "mal", "schon", "dann", "jetzt", "habe", NULL },
  [HARK_AD_LANGUAGE_FRENCH] = { "le", "la", "les", "et", "est", "une", "des", "que", "qui",
                                "pas", "je", "vous", "nous", "il", "ce", "c'est", "dans", "pour",
                                "sur", "avec", "mais", "du", "au", "on", "ca", "tres", "aussi",
                                "alors", "donc", "j'ai", "ils", NULL },
  [HARK_AD_LANGUAGE_SPANISH] = { "el", "la", "los", "las", "que", "y", "es", "una", "por", "con",
                                 "para", "pero", "lo", "se", "del", "muy", "esto", "como", "mas",
                                 "pues", "tambien", "porque", "esta", "eso", "yo", "hay", "en",
                                 "un", "no", NULL },
  [HARK_AD_LANGUAGE_DUTCH] = { "de", "het", "een", "en", "is", "niet", "ik", "dat", "van", "je",
                               "we", "op", "maar", "ook", "wat", "zijn", "met", "dit", "er",
                               "naar", "heel", "wel", "nog", "hebben", "heb", "die", "voor",
                               NULL },
  [HARK_AD_LANGUAGE_ITALIAN] = { "il", "la", "che", "e", "di", "non", "un", "una", "per", "con",
                                 "sono", "ma", "anche", "questo", "gli", "perche", "della",
                                 "molto", "cosa", "io", "ho", "siamo", "nel", "del", "allora",
                                 "poi", "c'e", "questa", NULL },
  [HARK_AD_LANGUAGE_PORTUGUESE] = { "o", "a", "que", "e", "nao", "um", "uma", "com", "para", "mas",
                                    "os", "as", "do", "da", "isso", "muito", "voce", "esta",
                                    "entao", "tambem", "porque", "eu", "tem", "ele", "no", "na",
                                    "mais", "por", NULL },
};

/* ---- German ---------------------------------------------------------------------------- */

static const HarkAdLexiconTable german_tables[] = {
  { HARK_AD_SPONSOR, 0,
    (const char *const[]){ "Sponsor", "Sponsoren", "Sponsorin", "gesponsert", "Werbepartner",
                           "Werbepartnerin", "bezahlte Werbung", "enthält Werbung",
                           "es folgt Werbung", "kurz Werbung", "Partner dieser Folge",
                           "Partner dieser Episode", "präsentiert von", "präsentiert euch",
                           "unterstützt von", "unterstützt durch", "wird unterstützt",
                           "ermöglicht durch", "mit freundlicher Unterstützung",
                           "Kooperation mit", "in Zusammenarbeit mit", "Werbelink",
                           "Affiliate Link", NULL } },
  { HARK_AD_BREAK, 0,
    (const char *const[]){ "kurze Pause", "kleine Pause", "Werbepause", "nach der Pause",
                           "kurze Unterbrechung", "kleine Unterbrechung", "Werbeblock",
                           "Werbeunterbrechung", NULL } },
  { HARK_AD_PLUG, 0,
    (const char *const[]){ "in eigener Sache", "Eigenwerbung", "schamlose Werbung",
                           "kleine Werbung", "bisschen Werbung", "Werbung für uns",
                           "Werbung für unsere", "Werbung für unseren", "Werbung für mich",
                           "Werbung für mein", "Werbung für meine", NULL } },
  { HARK_AD_SELF, 0,
    (const char *const[]){ "unterstützt uns", "uns unterstützen", "uns zu unterstützen",
                           "uns unterstützt", "unterstützen Sie uns", "unterstütze uns",
                           "eure Unterstützung", "eurer Unterstützung", "deine Unterstützung",
                           "deiner Unterstützung", "weil ihr uns unterstützt",
                           "dass ihr uns unterstützt",
                           "spenden", "spendet", "Spende", "Spenden", "Spendenkonto",
                           "Fördermitglied", "Fördermitglieder", "Fördermitgliedschaft",
                           "fördernde Mitglieder", "förderndes Mitglied", "Mitglied werden",
                           "werdet Mitglied", "werde Mitglied", "werden Sie Mitglied",
                           "Mitgliedschaft", "Produzent werden", "Produzentin werden",
                           "Produzenten werden", "Unterstützer", "Unterstützerin",
                           "Unterstützerinnen", "Unterstützern", "PayPal", "Überweisung",
                           "Banküberweisung", "Dauerauftrag", "Patreon", "Abo Modell",
                           "hörerfinanziert", "hörerinnenfinanziert", "werbefrei",
                           "unabhängiger Podcast", "unabhängig finanziert", "nur durch euch",
                           "nur dank euch", "gibt es nur weil ihr", "gibt es nur dank",
                           "gibt es nur durch", "existiert nur dank",
                           "mein Buch", "mein neues Buch", "meinem Buch", "meinem neuen Buch",
                           "unser Buch", "unser neues Buch", "sein Buch", "sein neues Buch",
                           "ihr Buch", "ihr neues Buch", "neues Buch", "neuen Buch",
                           "neuestes Buch", "seinen Essay", "ihren Essay",
                           "sein Essay", "ihr Essay", "erschienen im", "erschienen bei",
                           "ist erschienen", "gerade erschienen", "neu erschienen",
                           "frisch erschienen", "soeben erschienen", "im Verlag", "mein Kurs", "meinen Kurs",
                           "unser Kurs", "unseren Kurs", "mein Newsletter", "meinen Newsletter",
                           "unser Newsletter", "unseren Newsletter", "Tickets gibt", "Tickets gibt's",
                           "Tickets bekommt", "Tickets kaufen", "Tickets sichern", "Karten sichern",
                           "Karten gibt", "Karten gibt's", "Merch", "auf Tour", "unsere Tour",
                           "unserer Tour", "wir gehen auf Tour", "wir sind auf Tour",
                           "holt euch Tickets", "holt euch Karten", "kauft euch Tickets",
                           "jetzt Tickets", "eure Tickets", "eure Karten", NULL } },
  { HARK_AD_IMPERATIVE, 0,
    (const char *const[]){ "geht auf", "geht zu", "besucht", "besuchen Sie", "schaut mal",
                           "schaut vorbei", "schaut in", "schaut auf", "schau mal",
                           "schau vorbei", "schauen Sie", "klickt", "meldet euch", "melde dich",
                           "holt euch", "hol dir", "sichert euch", "sichere dir", "kauft",
                           "bestellt", "lest", "lies", "lesen Sie", "probiert", "testet",
                           "kommt vorbei", "gehen Sie", "hört rein", "hören Sie",
                           "tragt euch ein", "trag dich ein", "unterstützt uns",
                           "unterstütze uns", "unterstützen Sie uns", "werdet Mitglied",
                           "werde Mitglied", "werden Sie Mitglied", "spendet", NULL } },
  /* Where to go, said without an imperative: as much an ask in these languages. */
  { HARK_AD_IMPERATIVE, HARK_AD_LEXICON_ANYWHERE,
    (const char *const[]){ "findet ihr in", "findet ihr auf", "findet ihr unter",
                           "findet ihr bei", "findest du in", "findest du auf", "findest du unter",
                           "finden Sie in", "finden Sie auf", "finden Sie unter",
                           "steht in der Beschreibung", "steht in der Episodenbeschreibung",
                           "steht in der Folgenbeschreibung", "steht in den Shownotes",
                           "stehen in den Shownotes", "steht alles in", "gibt es unter",
                           "gibt es auf unserer", "gibt's auf unserer", "gibt's unter",
                           "wer mehr wissen", "wer mehr erfahren", "wer tiefer einsteigen",
                           "wer tiefer", "wer weiterlesen", "mehr dazu unter", "jetzt Tickets",
                           "könnt ihr uns unterstützen", "kannst du uns unterstützen",
                           "können Sie uns unterstützen", NULL } },
  { HARK_AD_CODE, 0,
    (const char *const[]){ "Gutscheincode", "Rabattcode", "Aktionscode", "Promocode",
                           "mit dem Code", "mit dem Gutschein", "Gutschein", NULL } },
  { HARK_AD_OFFER, 0,
    (const char *const[]){ "Prozent Rabatt", "Prozent günstiger", "Rabatt", "gratis",
                           "kostenlos", "kostenlose", "kostenlosen", "Probemonat", "Probeabo",
                           "ersten Monat", "erster Monat", "im Monat", "pro Monat",
                           "Sonderangebot", "exklusives Angebot",
                           "vergünstigt", "ermäßigt", "Gratis Testphase", "Testphase", NULL } },
  { HARK_AD_HOUSEKEEPING, 0,
    (const char *const[]){ "abonniert", "abonnieren", "abonniere", "abonnierst",
                           "bewertet uns", "bewertet den Podcast", "bewertet die Folge",
                           "bewerte uns", "Bewertung", "Bewertungen", "fünf Sterne",
                           "empfehlt uns", "erzählt euren", "erzählt es weiter", "teilt die Folge",
                           "teilt diese Folge", "teilt den Podcast", "folgt uns", "folge uns",
                           "danke fürs Zuhören", "danke fürs Zuhoeren", "vielen Dank fürs Zuhören",
                           "bis zum nächsten Mal", "bis nächste Woche", "bis zur nächsten",
                           "bis bald", "tschüss", "produziert von", "Musik von", "Glocke",
                           "Benachrichtigungen", "soziale Medien",
                           "Social Media", NULL } },
  { HARK_AD_SHOW_PROMO, 0,
    (const char *const[]){ "ein Podcast über", "ist ein Podcast", "ein neuer Podcast",
                           "neuer Podcast", "neue Folgen", "neue Staffel", "jede Woche eine neue",
                           "überall wo es Podcasts gibt", "in eurer Podcast App", NULL } },
  { HARK_AD_URL, 0,
    (const char *const[]){ "Link in der Beschreibung", "Link in den Shownotes",
                           "Links in den Shownotes", NULL } },
  { HARK_AD_RESUME, 0,
    (const char *const[]){ "zurück zum Gespräch", "zurück zu", "weiter geht's",
                           "weiter im Gespräch", "und jetzt zurück", "wo waren wir", NULL } },
  { HARK_AD_BENEFIT, 0,
    (const char *const[]){ "ganz einfach", "in wenigen Minuten", "spart", "sparen", "Kunden",
                           "Kundinnen", "an einem Ort", "egal ob", "für euch", "für dich",
                           "unbegrenzt", "jederzeit kündbar", "ich nutze", "wir nutzen", NULL } },
  { HARK_AD_PAUSE, 0,
    (const char *const[]){ "ganz kurz", "kurz zwischendurch", "zwischendurch", "unterbrechen", "bevor wir weitermachen",
                           "bevor es weitergeht", "übrigens", "apropos", "in eigener Sache",
                           "Ankündigung", "Hinweis", "kurzer Hinweis", "Pause", "Werbung",
                           "Sponsor", "unterstützt", "Unterstützung", NULL } },
  { HARK_AD_NOTES, 0,
    (const char *const[]){ "Shownotes", "in den Shownotes", "in der Beschreibung",
                           "Episodenbeschreibung", "Folgenbeschreibung", "Beschreibung der Folge",
                           "auf unserer Website", "auf unserer Webseite", "auf unserer Seite",
                           "auf unserer Homepage", "Link unten", "verlinkt", "Infobox", NULL } },
  { HARK_AD_CRITICAL, 0,
    (const char *const[]){ "zu teuer", "nicht überzeugt", "enttäuscht", "enttäuschend",
                           "nervig", "kaputt", "schlecht", "nicht gut", "Abzocke", NULL } },
  { HARK_AD_ELSEWHERE, 0,
    (const char *const[]){ "App Store", "überall wo", "im Buchhandel", "in jeder Buchhandlung",
                           "sucht nach", "erhältlich", "überall erhältlich", NULL } },
  { HARK_AD_ASK, 0,
    (const char *const[]){ "geht auf", "besucht", "schaut mal", "schaut vorbei", "klickt",
                           "holt euch", "kauft", "bestellt", "probiert", "testet", "meldet euch",
                           "werdet Mitglied", "unterstützt uns", "abonniert", "lest",
                           "kommt vorbei", "sichert euch", "tragt euch", "hört rein",
                           "folgt uns", "spendet", NULL } },
  { HARK_AD_DEAL, 0,
    (const char *const[]){ "gratis", "kostenlos", "Rabatt", "Prozent", "Angebot", "Gutschein",
                           "Code", "Preis", "Euro", "im Monat", "pro Monat", "Probemonat",
                           "sparen", "exklusiv", "Bonus", "Geschenk", "günstiger", NULL } },
  { HARK_AD_OWN, 0,
    (const char *const[]){ "Tickets", "Ticket", "Tour", "Tournee", "live", "Liveshow",
                           "Live Show", "Mitglieder", "Mitgliedschaft", "Fördermitglied",
                           "Fördermitglieder", "Fördermitgliedschaft", "Newsletter", "Merch",
                           "Shop", "Community", "Bonusfolgen", "Bonusfolge", "werbefrei",
                           "unser Buch", "mein Buch", "unsere Sendung", "unser Podcast",
                           "unsere Show", "diese Sendung", "dieser Podcast", "diesen Podcast",
                           "Crowdfunding", "Stufen", "Stufe", "Produzenten", "Produzentinnen",
                           "Steady", NULL } },
  { HARK_AD_OURS, 0,
    (const char *const[]){ "wir sind auf Tour", "wir gehen auf Tour", "wir spielen",
                           "wir veranstalten", "unser eigener", "unsere eigene",
                           "unseren eigenen", "unserer eigenen", "unsere Website",
                           "unserer Website", "unser Shop", "unsere Seite", "unserer Seite",
                           "kommt vorbei", "wir machen", "ich mache", "wir haben gegründet",
                           "unser Podcast", "unsere Sendung", NULL } },
  { HARK_AD_EVENT, 0,
    (const char *const[]){ "Tickets", "Ticket", "Karten", "Tour", "Tournee", "Vorverkauf",
                           "ausverkauft", "Einlass", "Veranstaltung", "Bühne", "live",
                           "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
                           "Samstag", "Sonntag", "Uhr", NULL } },
  { HARK_AD_DIALOGUE, 0,
    (const char *const[]){ "ich glaube", "ich meine", "genau", "na ja", "naja", "weißt du",
                           "ich weiß nicht", "ich denke", "stimmt", "irgendwie", "sozusagen",
                           "quasi", "ja ja", "ähm", "oder so", NULL } },
};

static const HarkAdLexicon german = {
  "de", german_tables, G_N_ELEMENTS (german_tables),
  (const char *const[]){ "aber", "auch", "dass", "eine", "einen", "einem", "einer", "nicht",
                         "noch", "wenn", "sind", "haben", "habe", "schon", "dann", "jetzt",
                         "oder", "also", "mein", "meine", "sein", "seine", "ihre", "diese",
                         "dieser", "dieses", "denn", "weil", "wird", "werden", "wurde", "kann",
                         "konnen", "muss", "mussen", "immer",
                         "ganz", "sehr", "doch", "hier", "dort", "etwas", "viel", "viele",
                         "mehr", "schon", "gibt", "geht", "eben", "halt", "einfach", "vielleicht",
                         "eigentlich", "wirklich", "unser", "unsere", "euch", "uber", "nach",
                         "durch", "gegen", "ohne", "zwischen", "heute", "folge", "podcast",
                         "sendung", NULL },
  (const char *const[]){ "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner",
                         "ihr", "euch", "euer", "eure", "euren", "eurem", "eurer", NULL },
  (const char *const[]){ "wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer",
                         "mein", "meine", "meinen", "meinem", "meiner", NULL },
  (const char *const[]){ "sie", "ihnen", "ihre", "ihren", "ihrem", "ihrer", NULL },
  (const char *const[]){ "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner",
                         "wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer",
                         "unterstutzt", "unterstutzen", "mitglied", "euch", NULL },
  (const char *const[]){ "mein", "meine", "meinen", "meinem", "meiner", NULL },
  (const char *const[]){ "also", "und", "einfach", "bitte", "gerne", "dann", "jetzt", "oder",
                         "doch", "mal", "auch", "ihr", "du", "so", "gern", "unbedingt", NULL },
  (const char *const[]){ "uns", "unser", "unsere", "unseren", "unserem", "unserer", "mich",
                         "mir", "mein", "meine", "meinen", "euch", "dich", "horer",
                         "horerinnen", "horern", "mitglieder", "mitgliedern", "leute", "eigene",
                         "eigener", "eigenen", "eigenes", NULL },
  (const char *const[]){ "von", "durch", "fur", "auch", "in", NULL },
  (const char *const[]){ "kein", "keine", "keinen", "keiner", "nicht", "ohne", NULL },
  (const char *const[]){ "folge", "sendung", "episode", "podcast", "show", "ausgabe", NULL },
  (const char *const[]){ "januar", "februar", "marz", "april", "mai", "juni", "juli", "august",
                         "september", "oktober", "november", "dezember", "jan", "feb", "apr",
                         "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", NULL },
  (const char *const[]){ "euro", "euros", "franken", "dollar", "cent", NULL },
  (const char *const[]){ "ein", "einen", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht",
                         "neun", "zehn", "elf", "zwolf", "zwanzig", "dreißig", "dreissig",
                         "funfzig", "hundert", "tausend", NULL },
  (const char *const[]){ "punkt", NULL },
  (const char *const[]){ "at", "ch", "eu", NULL },
};

/* ---- French ---------------------------------------------------------------------------- */

static const HarkAdLexiconTable french_tables[] = {
  { HARK_AD_SPONSOR, 0,
    (const char *const[]){ "sponsor", "sponsors", "sponsorisé", "sponsorisée", "parrainé",
                           "partenaire", "partenaires", "message publicitaire",
                           "partenariat rémunéré", "contenu sponsorisé", "présenté par",
                           "soutenu par", "en partenariat avec", "grâce à notre partenaire",
                           "lien affilié", NULL } },
  { HARK_AD_BREAK, 0,
    (const char *const[]){ "petite pause", "courte pause", "page de pub", "pause publicitaire",
                           "après la pause", "coupure pub", NULL } },
  { HARK_AD_PLUG, 0,
    (const char *const[]){ "autopromotion", "autopromo", "petite pub pour", "un peu de pub",
                           "pub pour nous", "pub pour notre", "pub pour mon", "pub pour ma",
                           NULL } },
  { HARK_AD_SELF, 0,
    (const char *const[]){ "soutenez nous", "soutenez le podcast", "nous soutenir",
                           "soutenir le podcast", "soutenir l'émission", "votre soutien",
                           "ton soutien", "vos dons", "faire un don",
                           "devenez membre", "devenir membre", "adhérent", "adhérents",
                           "adhésion", "abonnement de soutien", "Tipeee", "Patreon", "Ulule",
                           "PayPal", "virement", "podcast indépendant", "média indépendant",
                           "rester indépendant", "sans publicité", "que grâce à vous",
                           "grâce à votre soutien",
                           "mon livre", "mon nouveau livre", "notre livre", "son livre",
                           "son nouveau livre", "son essai", "paru chez", "publié chez",
                           "aux éditions", "mon cours", "notre cours", "ma newsletter",
                           "notre newsletter", "billetterie", "notre tournée",
                           "en tournée", "prenez vos billets", "réservez vos places", NULL } },
  { HARK_AD_IMPERATIVE, 0,
    (const char *const[]){ "allez sur", "rendez vous sur", "rendez vous", "visitez", "cliquez",
                           "inscrivez vous", "abonnez vous", "découvrez", "essayez", "achetez",
                           "commandez", "lisez", "réservez", "soutenez", "devenez",
                           "va sur", "n'hésitez pas", "n'hésite pas", "profitez", NULL } },
  { HARK_AD_IMPERATIVE, HARK_AD_LEXICON_ANYWHERE,
    (const char *const[]){ "vous trouverez", "tu trouveras", "retrouvez",
                           "se trouve dans la description", "pour aller plus loin",
                           "pour en savoir plus", "plus d'infos sur", "vous pouvez nous soutenir",
                           "tu peux nous soutenir", NULL } },
  { HARK_AD_CODE, 0,
    (const char *const[]){ "code promo", "code de réduction", "avec le code", NULL } },
  { HARK_AD_OFFER, 0,
    (const char *const[]){ "réduction", "gratuit", "gratuite", "gratuitement",
                           "offert", "offerte", "essai gratuit", "premier mois", "par mois",
                           "par an", "offre spéciale", "offre exclusive", "remise", NULL } },
  { HARK_AD_HOUSEKEEPING, 0,
    (const char *const[]){ "abonnez vous", "abonnez", "abonner", "notez nous", "laissez une note",
                           "cinq étoiles", "étoiles", "un avis", "partagez", "parlez en",
                           "suivez nous", "merci de nous avoir écoutés", "merci d'avoir écouté",
                           "merci pour votre écoute", "à la semaine prochaine", "à bientôt",
                           "réalisé par", "produit par", "réseaux sociaux",
                           NULL } },
  { HARK_AD_SHOW_PROMO, 0,
    (const char *const[]){ "un podcast sur", "est un podcast", "nouveau podcast",
                           "nouveaux épisodes", "nouvelle saison", "sur toutes les plateformes",
                           "sur votre application de podcast", NULL } },
  { HARK_AD_URL, 0,
    (const char *const[]){ "lien dans la description", NULL } },
  { HARK_AD_RESUME, 0,
    (const char *const[]){ "on reprend", "retour à", "revenons à", "nous revoilà", "où en étions nous",
                           NULL } },
  { HARK_AD_BENEFIT, 0,
    (const char *const[]){ "en quelques minutes", "facilement", "clients", "économiser",
                           "sans engagement", "illimité", "pour vous", "je l'utilise", NULL } },
  { HARK_AD_PAUSE, 0,
    (const char *const[]){ "petite parenthèse", "parenthèse", "avant de continuer",
                           "d'ailleurs", "annonce", "pause", "pub", "soutien", NULL } },
  { HARK_AD_NOTES, 0,
    (const char *const[]){ "dans la description", "en description", "description de l'épisode",
                           "notes de l'épisode", "sur notre site", "lien en bas", NULL } },
  { HARK_AD_CRITICAL, 0,
    (const char *const[]){ "trop cher", "déçu", "décevant", "nul", "arnaque", NULL } },
  { HARK_AD_ELSEWHERE, 0,
    (const char *const[]){ "en librairie", "dans toutes les librairies", "disponible sur",
                           "disponible en", "cherchez", NULL } },
  { HARK_AD_ASK, 0,
    (const char *const[]){ "allez sur", "visitez", "cliquez", "inscrivez", "abonnez", "essayez",
                           "achetez", "commandez", "lisez", "réservez", "soutenez", "devenez",
                           "profitez", "découvrez", NULL } },
  { HARK_AD_DEAL, 0,
    (const char *const[]){ "gratuit", "gratuite", "réduction", "pour cent", "offre", "code",
                           "prix", "euros", "par mois", "essai", "exclusif", "cadeau", NULL } },
  { HARK_AD_OWN, 0,
    (const char *const[]){ "billets", "billet", "tournée", "en direct", "membres", "adhérents",
                           "newsletter", "boutique", "communauté", "épisodes bonus", "notre livre",
                           "mon livre", "notre émission", "ce podcast", "cette émission", NULL } },
  { HARK_AD_OURS, 0,
    (const char *const[]){ "nous serons", "on sera", "notre tournée", "notre site",
                           "notre boutique", "notre propre", "notre émission", NULL } },
  { HARK_AD_EVENT, 0,
    (const char *const[]){ "billets", "billet", "places", "tournée", "complet", "salle",
                           "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                           "dimanche", NULL } },
  { HARK_AD_DIALOGUE, 0,
    (const char *const[]){ "je pense", "je crois", "tu vois", "en fait", "voilà", "ouais",
                           "exactement", "c'est vrai", "je sais pas", "genre", "euh", NULL } },
};

static const HarkAdLexicon french = {
  "fr", french_tables, G_N_ELEMENTS (french_tables),
  (const char *const[]){ "c'est", "dans", "pour", "avec", "mais", "aussi", "alors", "donc",
                         "tres", "tout", "tous", "cette", "sont", "avoir", "etre", "fait",
                         "faire", "comme", "plus", "bien", "peut", "quand", "leur", "vous",
                         "nous", "elle", "elles", "episode", "podcast", NULL },
  (const char *const[]){ "vous", "votre", "vos", "tu", "te", "toi", "ton", "ta", "tes", NULL },
  (const char *const[]){ "nous", "notre", "nos", "mon", "ma", "mes", "on", NULL },
  (const char *const[]){ "ils", "elles", "leur", "leurs", "eux", NULL },
  (const char *const[]){ "je", "j'ai", "moi", "mon", "ma", "mes", "nous", "notre", "nos", "on",
                         "soutenez", "soutenir", NULL },
  (const char *const[]){ "mon", "ma", "mes", NULL },
  (const char *const[]){ "et", "alors", "donc", "simplement", "aussi", "maintenant", NULL },
  (const char *const[]){ "nous", "notre", "nos", "moi", "mon", "ma", "vous", "auditeurs",
                         "auditrices", "membres", NULL },
  (const char *const[]){ "par", "pour", NULL },
  (const char *const[]){ "pas", "sans", "aucun", "aucune", NULL },
  (const char *const[]){ "episode", "emission", "podcast", NULL },
  (const char *const[]){ "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
                         "septembre", "octobre", "novembre", "decembre", NULL },
  (const char *const[]){ "euros", "euro", "francs", "dollars", NULL },
  (const char *const[]){ "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
                         "dix", "vingt", "trente", "cinquante", "cent", "mille", NULL },
  (const char *const[]){ "point", NULL },
  (const char *const[]){ "fr", "be", "ch", "eu", NULL },
};

/* ---- Spanish --------------------------------------------------------------------------- */

static const HarkAdLexiconTable spanish_tables[] = {
  { HARK_AD_SPONSOR, 0,
    (const char *const[]){ "patrocinador", "patrocinadores", "patrocinado", "patrocinio",
                           "mensaje publicitario", "espacio publicitario", "contenido patrocinado",
                           "presentado por", "con el apoyo de",
                           "en colaboración con", "gracias a nuestro patrocinador",
                           "enlace de afiliado", NULL } },
  { HARK_AD_BREAK, 0,
    (const char *const[]){ "pausa publicitaria", "breve pausa", "pequeña pausa",
                           "después de la pausa", "una pausa", NULL } },
  { HARK_AD_PLUG, 0,
    (const char *const[]){ "autopromoción", "un poco de publicidad", "publicidad de nuestro",
                           "publicidad de mi", NULL } },
  { HARK_AD_SELF, 0,
    (const char *const[]){ "apóyanos", "apoyarnos", "apoyar el podcast", "apoyar el programa",
                           "tu apoyo", "vuestro apoyo", "su apoyo", "donación", "donaciones",
                           "donar", "hazte socio", "hazte miembro", "hacerte socio",
                           "hacerte miembro", "socios", "mecenas", "Patreon", "PayPal",
                           "transferencia", "podcast independiente", "medio independiente",
                           "sin publicidad", "gracias a vuestro apoyo", "gracias a tu apoyo",
                           "mi libro", "mi nuevo libro", "nuestro libro",
                           "su libro", "su nuevo libro", "publicado por",
                           "mi curso", "nuestro curso", "nuestra gira", "de gira",
                           "nos vamos de gira", "estamos de gira", "compra tus entradas",
                           "consigue tus entradas", "compra las entradas", "vuestras entradas",
                           NULL } },
  { HARK_AD_IMPERATIVE, 0,
    (const char *const[]){ "visita", "visitad", "entra en", "entrad en", "ve a", "id a", "haz clic",
                           "suscríbete", "regístrate", "descarga", "prueba", "compra",
                           "comprad", "pide", "lee", "leed", "reserva", "apoya", "apoyad",
                           "hazte", "únete", "venid", "no te pierdas", NULL } },
  { HARK_AD_IMPERATIVE, HARK_AD_LEXICON_ANYWHERE,
    (const char *const[]){ "encontraréis en", "encontrarás en", "lo tienes en",
                           "los tienes en", "para saber más", "más información",
                           "para profundizar", "podéis apoyarnos", "puedes apoyarnos", NULL } },
  { HARK_AD_CODE, 0,
    (const char *const[]){ "código de descuento", "código promocional", "con el código",
                           "cupón", NULL } },
  { HARK_AD_OFFER, 0,
    (const char *const[]){ "descuento", "gratis", "gratuito", "gratuita",
                           "prueba gratuita", "primer mes", "al mes", "por mes",
                           "oferta especial", "oferta exclusiva", NULL } },
  { HARK_AD_HOUSEKEEPING, 0,
    (const char *const[]){ "suscríbete", "suscribirte", "suscribíos", "valoración", "valóranos",
                           "cinco estrellas", "reseña", "compártelo", "comparte el episodio",
                           "compartid",
                           "síguenos", "seguidnos", "gracias por escuchar", "hasta la próxima",
                           "nos vemos", "hasta pronto", "producido por", "redes sociales", NULL } },
  { HARK_AD_SHOW_PROMO, 0,
    (const char *const[]){ "un podcast sobre", "es un podcast", "nuevo podcast",
                           "nuevos episodios", "nueva temporada", "donde escuchas tus podcasts",
                           NULL } },
  { HARK_AD_URL, 0, (const char *const[]){ "enlace en la descripción", NULL } },
  { HARK_AD_RESUME, 0,
    (const char *const[]){ "volvemos", "de vuelta", "volviendo a", "seguimos con", NULL } },
  { HARK_AD_BENEFIT, 0,
    (const char *const[]){ "en minutos", "fácilmente", "clientes", "ahorrar", "ilimitado",
                           "sin compromiso", "para ti", "lo uso", NULL } },
  { HARK_AD_PAUSE, 0,
    (const char *const[]){ "un momento", "antes de seguir", "antes de continuar", "por cierto",
                           "anuncio", "pausa", "apoyo", NULL } },
  { HARK_AD_NOTES, 0,
    (const char *const[]){ "en la descripción", "descripción del episodio", "notas del episodio",
                           "en nuestra web", "en nuestra página", NULL } },
  { HARK_AD_CRITICAL, 0,
    (const char *const[]){ "demasiado caro", "decepcionado", "decepcionante", "estafa", NULL } },
  { HARK_AD_ELSEWHERE, 0,
    (const char *const[]){ "en librerías", "disponible en", "busca", "buscad", NULL } },
  { HARK_AD_ASK, 0,
    (const char *const[]){ "visita", "entra", "suscríbete", "regístrate", "descarga", "prueba",
                           "compra", "pide", "lee", "reserva", "apoya", "hazte", "únete",
                           "venid", NULL } },
  { HARK_AD_DEAL, 0,
    (const char *const[]){ "gratis", "descuento", "por ciento", "oferta", "código", "precio",
                           "euros", "al mes", "prueba", "exclusivo", "regalo", NULL } },
  { HARK_AD_OWN, 0,
    (const char *const[]){ "entradas", "gira", "en directo", "en vivo", "socios", "miembros",
                           "boletín", "newsletter", "tienda", "comunidad", "episodios extra",
                           "nuestro libro", "mi libro", "nuestro programa", "este podcast",
                           "este programa", NULL } },
  { HARK_AD_OURS, 0,
    (const char *const[]){ "estaremos en", "nuestra gira", "nuestra web", "nuestra tienda",
                           "nuestro propio", "nuestra propia", NULL } },
  { HARK_AD_EVENT, 0,
    (const char *const[]){ "entradas", "gira", "aforo", "agotadas", "lunes", "martes",
                           "miércoles", "jueves", "viernes", "sábado", "domingo", NULL } },
  { HARK_AD_DIALOGUE, 0,
    (const char *const[]){ "yo creo", "o sea", "claro", "bueno", "sabes", "exacto", "vale",
                           "no sé", "es verdad", "pues nada", NULL } },
};

static const HarkAdLexicon spanish = {
  "es", spanish_tables, G_N_ELEMENTS (spanish_tables),
  (const char *const[]){ "para", "pero", "esto", "como", "pues", "tambien", "porque", "esta",
                         "este", "estos", "estas", "todo", "todos", "muy", "cuando", "donde",
                         "hace", "tiene", "tienen", "puede", "creo", "bueno", "entonces",
                         "episodio", "podcast", "programa", NULL },
  (const char *const[]){ "tu", "te", "ti", "tus", "vosotros", "vosotras", "os", "vuestro",
                         "vuestra", "usted", "ustedes", NULL },
  (const char *const[]){ "nosotros", "nosotras", "nos", "nuestro", "nuestra", "nuestros",
                         "nuestras", "mi", "mis", NULL },
  (const char *const[]){ "ellos", "ellas", "les", "sus", NULL },
  (const char *const[]){ "yo", "me", "mi", "mis", "nosotros", "nos", "nuestro", "nuestra",
                         "apoyanos", "apoyarnos", "apoyo", NULL },
  (const char *const[]){ "mi", "mis", NULL },
  (const char *const[]){ "pues", "entonces", "simplemente", "ahora", "solo", NULL },
  (const char *const[]){ "nosotros", "nuestro", "nuestra", "nuestros", "mi", "ti", "vosotros",
                         "ustedes", "oyentes", "socios", "mecenas", NULL },
  (const char *const[]){ "por", "de", NULL },
  (const char *const[]){ "no", "sin", "ningun", "ninguna", NULL },
  (const char *const[]){ "episodio", "programa", "podcast", NULL },
  (const char *const[]){ "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                         "septiembre", "setiembre", "octubre", "noviembre", "diciembre", NULL },
  (const char *const[]){ "euros", "euro", "pesos", "dolares", NULL },
  (const char *const[]){ "un", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
                         "nueve", "diez", "veinte", "treinta", "cincuenta", "cien", "mil", NULL },
  (const char *const[]){ "punto", NULL },
  (const char *const[]){ "es", "mx", "ar", "cl", "eu", NULL },
};

/* ---- Dutch ----------------------------------------------------------------------------- */

static const HarkAdLexiconTable dutch_tables[] = {
  { HARK_AD_SPONSOR, 0,
    (const char *const[]){ "sponsor", "sponsors", "gesponsord", "betaalde samenwerking",
                           "reclameboodschap",
                           "mogelijk gemaakt door", "gepresenteerd door", "in samenwerking met",
                           "partner van deze aflevering", "affiliate link", NULL } },
  { HARK_AD_BREAK, 0,
    (const char *const[]){ "korte pauze", "even pauze", "reclameblok", "na de pauze", NULL } },
  { HARK_AD_PLUG, 0,
    (const char *const[]){ "eigen reclame", "reclame voor onszelf", "reclame voor ons",
                           "schaamteloze reclame", "kleine plug", NULL } },
  { HARK_AD_SELF, 0,
    (const char *const[]){ "steun ons", "ons steunen", "ons te steunen", "jullie steun",
                           "je steun", "uw steun", "doneren", "donatie", "donaties", "doneer",
                           "word lid", "lid worden", "lidmaatschap", "vriend worden",
                           "Patreon", "PayPal", "overschrijving", "onafhankelijke podcast",
                           "zonder reclame", "dankzij jullie", "mijn boek", "mijn nieuwe boek",
                           "ons boek", "zijn boek", "haar boek", "zijn nieuwe boek",
                           "haar nieuwe boek", "verschenen bij", "mijn cursus",
                           "onze cursus", "onze nieuwsbrief", "onze tour", "op tour",
                           "onze theatertour", "koop je kaartjes", "bestel je kaartjes", NULL } },
  { HARK_AD_IMPERATIVE, 0,
    (const char *const[]){ "ga naar", "bezoek", "klik", "schrijf je in", "meld je aan",
                           "probeer", "koop", "bestel", "lees", "reserveer", "steun ons",
                           "word lid", "kom langs", NULL } },
  { HARK_AD_IMPERATIVE, HARK_AD_LEXICON_ANYWHERE,
    (const char *const[]){ "vind je in", "vind je op", "vind je via", "staat in de beschrijving",
                           "staat in de shownotes", "meer weten", "meer informatie op",
                           "kun je ons steunen", "kunnen jullie ons steunen", NULL } },
  { HARK_AD_CODE, 0,
    (const char *const[]){ "kortingscode", "met de code", NULL } },
  { HARK_AD_OFFER, 0,
    (const char *const[]){ "korting", "gratis", "proefperiode", "eerste maand",
                           "per maand", "per jaar", "speciale aanbieding", NULL } },
  { HARK_AD_HOUSEKEEPING, 0,
    (const char *const[]){ "abonneer", "abonneren", "beoordeling", "vijf sterren",
                           "deel deze aflevering", "volg ons", "bedankt voor het luisteren",
                           "tot de volgende keer", "tot volgende week", "tot snel",
                           "geproduceerd door", "sociale media", NULL } },
  { HARK_AD_SHOW_PROMO, 0,
    (const char *const[]){ "een podcast over", "is een podcast", "nieuwe podcast",
                           "nieuwe afleveringen", "nieuw seizoen", "overal waar je podcasts",
                           NULL } },
  { HARK_AD_URL, 0, (const char *const[]){ "link in de beschrijving", NULL } },
  { HARK_AD_RESUME, 0,
    (const char *const[]){ "we zijn terug", "terug naar", "verder met", NULL } },
  { HARK_AD_BENEFIT, 0,
    (const char *const[]){ "in een paar minuten", "makkelijk", "klanten", "besparen",
                           "onbeperkt", "voor jou", "ik gebruik", NULL } },
  { HARK_AD_PAUSE, 0,
    (const char *const[]){ "even tussendoor", "tussendoor", "voordat we verdergaan", "trouwens",
                           "mededeling", "pauze", "reclame", "steun", NULL } },
  { HARK_AD_NOTES, 0,
    (const char *const[]){ "in de beschrijving", "shownotes", "in de shownotes",
                           "op onze website", "op onze site", NULL } },
  { HARK_AD_CRITICAL, 0,
    (const char *const[]){ "te duur", "teleurgesteld", "teleurstellend", "oplichterij", NULL } },
  { HARK_AD_ELSEWHERE, 0,
    (const char *const[]){ "in de boekhandel", "verkrijgbaar", "beschikbaar in", "zoek op",
                           NULL } },
  { HARK_AD_ASK, 0,
    (const char *const[]){ "ga naar", "bezoek", "klik", "probeer", "koop", "bestel", "lees",
                           "reserveer", "steun ons", "word lid", "kom langs", "abonneer", NULL } },
  { HARK_AD_DEAL, 0,
    (const char *const[]){ "gratis", "korting", "procent", "aanbieding", "code", "prijs",
                           "euro", "per maand", "proefperiode", "cadeau", NULL } },
  { HARK_AD_OWN, 0,
    (const char *const[]){ "kaartjes", "tickets", "tour", "tournee", "theatertour", "live",
                           "leden", "lidmaatschap", "nieuwsbrief", "winkel", "community",
                           "bonusafleveringen", "ons boek", "mijn boek", "deze podcast",
                           "dit programma", NULL } },
  { HARK_AD_OURS, 0,
    (const char *const[]){ "we staan", "wij staan", "onze tour", "op tour", "onze website", "onze winkel",
                           "onze eigen", "ons eigen", NULL } },
  { HARK_AD_EVENT, 0,
    (const char *const[]){ "kaartjes", "tickets", "tour", "tournee", "uitverkocht", "zaal",
                           "theater", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                           "zaterdag", "zondag", NULL } },
  { HARK_AD_DIALOGUE, 0,
    (const char *const[]){ "ik denk", "ik bedoel", "precies", "weet je", "nou", "ja ja",
                           "ik weet het niet", "klopt", "eigenlijk", "uh", NULL } },
};

static const HarkAdLexicon dutch = {
  "nl", dutch_tables, G_N_ELEMENTS (dutch_tables),
  (const char *const[]){ "niet", "maar", "ook", "zijn", "naar", "heel", "hebben", "voor",
                         "deze", "veel", "meer", "kunnen", "moet", "moeten", "wordt", "worden",
                         "echt", "gewoon", "eigenlijk", "want", "omdat", "waar", "jullie",
                         "aflevering", "podcast", NULL },
  (const char *const[]){ "je", "jij", "jou", "jouw", "jullie", "u", "uw", NULL },
  (const char *const[]){ "we", "wij", "ons", "onze", "mijn", NULL },
  (const char *const[]){ "ze", "zij", "hun", "hen", NULL },
  (const char *const[]){ "ik", "mij", "me", "mijn", "we", "wij", "ons", "onze", "steun",
                         "steunen", NULL },
  (const char *const[]){ "mijn", NULL },
  (const char *const[]){ "en", "dus", "gewoon", "even", "nu", "ook", "dan", NULL },
  (const char *const[]){ "ons", "onze", "mij", "mijn", "jullie", "jou", "luisteraars", "leden",
                         NULL },
  (const char *const[]){ "door", "voor", NULL },
  (const char *const[]){ "geen", "niet", "zonder", NULL },
  (const char *const[]){ "aflevering", "programma", "podcast", "show", NULL },
  (const char *const[]){ "januari", "februari", "maart", "april", "mei", "juni", "juli",
                         "augustus", "september", "oktober", "november", "december", NULL },
  (const char *const[]){ "euro", "euros", NULL },
  (const char *const[]){ "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
                         "tien", "twintig", "dertig", "vijftig", "honderd", "duizend", NULL },
  (const char *const[]){ "punt", NULL },
  (const char *const[]){ "nl", "be", "eu", NULL },
};

/* ---- Italian --------------------------------------------------------------------------- */

static const HarkAdLexiconTable italian_tables[] = {
  { HARK_AD_SPONSOR, 0,
    (const char *const[]){ "sponsor", "sponsorizzato", "sponsorizzata", "messaggio pubblicitario",
                           "contenuto sponsorizzato",
                           "presentato da", "in collaborazione con", "grazie al nostro sponsor",
                           "partner di questo episodio", "link affiliato", NULL } },
  { HARK_AD_BREAK, 0,
    (const char *const[]){ "breve pausa", "piccola pausa", "pausa pubblicitaria",
                           "dopo la pausa", NULL } },
  { HARK_AD_PLUG, 0,
    (const char *const[]){ "autopromozione", "un po' di pubblicità", "pubblicità per noi",
                           "pubblicità al nostro", NULL } },
  { HARK_AD_SELF, 0,
    (const char *const[]){ "sostienici", "sostenerci", "sostenere il podcast", "il tuo sostegno",
                           "il vostro sostegno", "donazione", "donazioni", "donare",
                           "diventa membro", "diventare membro", "diventa sostenitore",
                           "abbonamento", "sostenitori", "Patreon", "PayPal", "bonifico",
                           "podcast indipendente", "senza pubblicità",
                           "grazie al vostro sostegno", "il mio libro",
                           "il mio nuovo libro", "il nostro libro", "il suo libro",
                           "il suo nuovo libro", "pubblicato da", "edito da", "il mio corso",
                           "il nostro corso", "il nostro tour", "in tour",
                           "siamo in tour", "prendete i biglietti", "acquistate i biglietti",
                           NULL } },
  { HARK_AD_IMPERATIVE, 0,
    (const char *const[]){ "andate su", "vai su", "visita", "visitate", "clicca", "cliccate",
                           "iscriviti", "iscrivetevi", "prova", "provate", "compra",
                           "comprate", "ordina", "leggete", "leggi", "prenota", "sostieni",
                           "sostenete", "venite", "vieni", NULL } },
  { HARK_AD_IMPERATIVE, HARK_AD_LEXICON_ANYWHERE,
    (const char *const[]){ "trovate in", "trovate sul", "trovate nella", "troverete",
                           "trovi in", "trovi sul", "trovi nella", "per saperne di più",
                           "per approfondire", "maggiori informazioni", "potete sostenerci",
                           "puoi sostenerci", NULL } },
  { HARK_AD_CODE, 0,
    (const char *const[]){ "codice sconto", "codice promozionale", "con il codice", NULL } },
  { HARK_AD_OFFER, 0,
    (const char *const[]){ "sconto", "gratis", "gratuito", "gratuita",
                           "prova gratuita", "primo mese", "al mese", "all'anno",
                           "offerta speciale", "offerta esclusiva", NULL } },
  { HARK_AD_HOUSEKEEPING, 0,
    (const char *const[]){ "iscriviti", "iscrivetevi", "lasciate una recensione",
                           "condividete", "seguiteci", "seguici", "grazie per l'ascolto",
                           "grazie per averci ascoltato", "alla prossima", "a presto",
                           "prodotto da", NULL } },
  { HARK_AD_SHOW_PROMO, 0,
    (const char *const[]){ "un podcast su", "è un podcast", "nuovo podcast", "nuovi episodi",
                           "nuova stagione", "dove ascolti i tuoi podcast", NULL } },
  { HARK_AD_URL, 0, (const char *const[]){ "link in descrizione", NULL } },
  { HARK_AD_RESUME, 0,
    (const char *const[]){ "torniamo a", "eccoci di nuovo", "riprendiamo", NULL } },
  { HARK_AD_BENEFIT, 0,
    (const char *const[]){ "in pochi minuti", "facilmente", "clienti", "risparmiare",
                           "illimitato", "senza vincoli", "per te", "lo uso", NULL } },
  { HARK_AD_PAUSE, 0,
    (const char *const[]){ "una parentesi", "prima di continuare", "a proposito", "annuncio",
                           "pausa", "sostegno", NULL } },
  { HARK_AD_NOTES, 0,
    (const char *const[]){ "in descrizione", "nella descrizione", "note dell'episodio",
                           "sul nostro sito", NULL } },
  { HARK_AD_CRITICAL, 0,
    (const char *const[]){ "troppo caro", "deluso", "deludente", "truffa", NULL } },
  { HARK_AD_ELSEWHERE, 0,
    (const char *const[]){ "in libreria", "in tutte le librerie", "disponibile su", "cercate",
                           NULL } },
  { HARK_AD_ASK, 0,
    (const char *const[]){ "andate", "visita", "visitate", "clicca", "iscriviti", "prova",
                           "compra", "ordina", "leggete", "prenota", "sostieni", "venite",
                           NULL } },
  { HARK_AD_DEAL, 0,
    (const char *const[]){ "gratis", "sconto", "per cento", "offerta", "codice", "prezzo",
                           "euro", "al mese", "prova", "esclusivo", "regalo", NULL } },
  { HARK_AD_OWN, 0,
    (const char *const[]){ "biglietti", "tour", "dal vivo", "live", "membri", "sostenitori",
                           "newsletter", "negozio", "comunità", "episodi bonus",
                           "il nostro libro", "il mio libro", "questo podcast",
                           "questo programma", NULL } },
  { HARK_AD_OURS, 0,
    (const char *const[]){ "saremo a", "il nostro tour", "il nostro sito", "il nostro negozio",
                           "il nostro podcast", NULL } },
  { HARK_AD_EVENT, 0,
    (const char *const[]){ "biglietti", "tour", "posti", "esaurito", "teatro", "lunedì",
                           "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
                           NULL } },
  { HARK_AD_DIALOGUE, 0,
    (const char *const[]){ "io penso", "secondo me", "cioè", "infatti", "esatto", "sai",
                           "non lo so", "è vero", "boh", "insomma", NULL } },
};

static const HarkAdLexicon italian = {
  "it", italian_tables, G_N_ELEMENTS (italian_tables),
  (const char *const[]){ "sono", "anche", "questo", "questa", "perche", "della", "molto",
                         "cosa", "allora", "quindi", "quando", "dove", "come", "tutto",
                         "tutti", "fare", "fatto", "essere", "hanno", "abbiamo", "sempre",
                         "episodio", "podcast", NULL },
  (const char *const[]){ "tu", "ti", "te", "tuo", "tua", "tuoi", "voi", "vi", "vostro",
                         "vostra", NULL },
  (const char *const[]){ "noi", "ci", "nostro", "nostra", "nostri", "nostre", "mio", "mia",
                         "miei", NULL },
  (const char *const[]){ "loro", "essi", NULL },
  (const char *const[]){ "io", "mi", "mio", "mia", "noi", "ci", "nostro", "nostra",
                         "sostienici", "sostenerci", NULL },
  (const char *const[]){ "mio", "mia", "miei", NULL },
  (const char *const[]){ "quindi", "allora", "semplicemente", "ora", NULL },
  (const char *const[]){ "noi", "nostro", "nostra", "me", "voi", "ascoltatori", "membri", NULL },
  (const char *const[]){ "da", "dal", "dalla", NULL },
  (const char *const[]){ "non", "senza", "nessun", "nessuno", NULL },
  (const char *const[]){ "episodio", "puntata", "programma", "podcast", NULL },
  (const char *const[]){ "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                         "agosto", "settembre", "ottobre", "novembre", "dicembre", NULL },
  (const char *const[]){ "euro", NULL },
  (const char *const[]){ "un", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto",
                         "nove", "dieci", "venti", "trenta", "cinquanta", "cento", "mille",
                         NULL },
  (const char *const[]){ "punto", NULL },
  (const char *const[]){ "it", "ch", "eu", NULL },
};

/* ---- Portuguese ------------------------------------------------------------------------ */

static const HarkAdLexiconTable portuguese_tables[] = {
  { HARK_AD_SPONSOR, 0,
    (const char *const[]){ "patrocinador", "patrocinadores", "patrocinado", "patrocínio",
                           "mensagem publicitária", "conteúdo patrocinado", "publicidade paga",
                           "apresentado por", "oferecido por",
                           "em parceria com", "parceiro deste episódio", "link de afiliado",
                           NULL } },
  { HARK_AD_BREAK, 0,
    (const char *const[]){ "pausa rápida", "breve pausa", "intervalo", "depois do intervalo",
                           NULL } },
  { HARK_AD_PLUG, 0,
    (const char *const[]){ "autopromoção", "jabá", "um pouco de publicidade",
                           "publicidade do nosso", NULL } },
  { HARK_AD_SELF, 0,
    (const char *const[]){ "apoie", "apoiem", "nos apoiar", "apoiar o podcast", "seu apoio",
                           "teu apoio", "vosso apoio", "doação", "doações", "doar",
                           "seja membro", "torne se membro", "apoiador", "apoiadores",
                           "apoia se", "Patreon", "PayPal", "Pix", "transferência",
                           "podcast independente", "sem publicidade", "graças ao apoio de vocês",
                           "meu livro",
                           "meu novo livro", "nosso livro", "seu livro", "seu novo livro",
                           "publicado pela", "meu curso", "nosso curso", "nossa turnê", "em turnê", "nossa digressão", "garanta seu ingresso",
                           "compre seu ingresso", "comprem os bilhetes", NULL } },
  { HARK_AD_IMPERATIVE, 0,
    (const char *const[]){ "acesse", "acessem", "visite", "visitem", "clique", "cliquem",
                           "inscreva se", "assine", "experimente", "compre", "comprem", "peça",
                           "leia", "leiam", "reserve", "apoie", "apoiem", "seja", "venha",
                           "venham", "vá para", NULL } },
  { HARK_AD_IMPERATIVE, HARK_AD_LEXICON_ANYWHERE,
    (const char *const[]){ "vocês encontram", "você encontra", "para saber mais",
                           "mais informações", "para se aprofundar", "podem nos apoiar",
                           "pode nos apoiar", NULL } },
  { HARK_AD_CODE, 0,
    (const char *const[]){ "código de desconto", "cupom", "cupão", "com o código", NULL } },
  { HARK_AD_OFFER, 0,
    (const char *const[]){ "desconto", "grátis", "gratuito", "gratuita",
                           "teste grátis", "primeiro mês", "por mês", "ao mês", "por ano",
                           "oferta especial", "oferta exclusiva", NULL } },
  { HARK_AD_HOUSEKEEPING, 0,
    (const char *const[]){ "inscreva se", "assine o", "avaliação", "avalie", "cinco estrelas",
                           "compartilhe", "partilhe", "siga nos",
                           "obrigado por ouvir", "obrigada por ouvir", "até a próxima",
                           "até à próxima", "até breve", "produzido por", "redes sociais", NULL } },
  { HARK_AD_SHOW_PROMO, 0,
    (const char *const[]){ "um podcast sobre", "é um podcast", "novo podcast",
                           "novos episódios", "nova temporada", "no seu agregador", NULL } },
  { HARK_AD_URL, 0, (const char *const[]){ "link na descrição", NULL } },
  { HARK_AD_RESUME, 0,
    (const char *const[]){ "voltamos", "de volta", "voltando ao", "voltando à", NULL } },
  { HARK_AD_BENEFIT, 0,
    (const char *const[]){ "em poucos minutos", "facilmente", "clientes", "economizar",
                           "ilimitado", "sem compromisso", "para você", "eu uso", NULL } },
  { HARK_AD_PAUSE, 0,
    (const char *const[]){ "um momento", "antes de continuar", "aliás", "por falar nisso",
                           "anúncio", "pausa", "apoio", NULL } },
  { HARK_AD_NOTES, 0,
    (const char *const[]){ "na descrição", "descrição do episódio", "notas do episódio",
                           "no nosso site", "em nosso site", NULL } },
  { HARK_AD_CRITICAL, 0,
    (const char *const[]){ "caro demais", "muito caro", "decepcionado", "decepcionante", "golpe",
                           NULL } },
  { HARK_AD_ELSEWHERE, 0,
    (const char *const[]){ "nas livrarias", "disponível em", "disponível na", "procure",
                           NULL } },
  { HARK_AD_ASK, 0,
    (const char *const[]){ "acesse", "visite", "clique", "inscreva", "assine", "experimente",
                           "compre", "leia", "reserve", "apoie", "venha", NULL } },
  { HARK_AD_DEAL, 0,
    (const char *const[]){ "grátis", "desconto", "por cento", "oferta", "código", "preço",
                           "reais", "euros", "por mês", "teste", "exclusivo", "presente",
                           NULL } },
  { HARK_AD_OWN, 0,
    (const char *const[]){ "ingressos", "bilhetes", "turnê", "digressão", "ao vivo", "membros",
                           "apoiadores", "newsletter", "loja", "comunidade", "episódios extras",
                           "nosso livro", "meu livro", "este podcast", "este programa", NULL } },
  { HARK_AD_OURS, 0,
    (const char *const[]){ "estaremos em", "nossa turnê", "nosso site", "nossa loja",
                           "nosso próprio", "nossa própria", NULL } },
  { HARK_AD_EVENT, 0,
    (const char *const[]){ "ingressos", "bilhetes", "turnê", "digressão", "esgotado",
                           "segunda feira", "terça feira", "quarta feira", "quinta feira",
                           "sexta feira", "sábado", "domingo", NULL } },
  { HARK_AD_DIALOGUE, 0,
    (const char *const[]){ "eu acho", "tipo", "né", "sabe", "exatamente", "pois é", "não sei",
                           "é verdade", "enfim", NULL } },
};

static const HarkAdLexicon portuguese = {
  "pt", portuguese_tables, G_N_ELEMENTS (portuguese_tables),
  (const char *const[]){ "isso", "muito", "voce", "voces", "esta", "entao", "tambem", "porque",
                         "mais", "como", "quando", "onde", "tudo", "todos", "fazer", "coisa",
                         "gente", "episodio", "podcast", "programa", NULL },
  (const char *const[]){ "voce", "voces", "te", "teu", "tua", "seu", "sua", "vos", NULL },
  (const char *const[]){ "nos", "nosso", "nossa", "nossos", "nossas", "meu", "minha", NULL },
  (const char *const[]){ "eles", "elas", "deles", "delas", NULL },
  (const char *const[]){ "eu", "me", "meu", "minha", "nos", "nosso", "nossa", "apoie", "apoiem",
                         "apoio", NULL },
  (const char *const[]){ "meu", "minha", NULL },
  (const char *const[]){ "e", "entao", "simplesmente", "agora", "tambem", "so", NULL },
  (const char *const[]){ "nos", "nosso", "nossa", "mim", "voces", "ouvintes", "apoiadores",
                         "membros", NULL },
  (const char *const[]){ "por", "pela", "pelo", NULL },
  (const char *const[]){ "nao", "sem", "nenhum", "nenhuma", NULL },
  (const char *const[]){ "episodio", "programa", "podcast", NULL },
  (const char *const[]){ "janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho",
                         "agosto", "setembro", "outubro", "novembro", "dezembro", NULL },
  (const char *const[]){ "reais", "euros", "euro", NULL },
  (const char *const[]){ "um", "dois", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove",
                         "dez", "vinte", "trinta", "cinquenta", "cem", "mil", NULL },
  (const char *const[]){ "ponto", NULL },
  (const char *const[]){ "pt", "br", "eu", NULL },
};

static const HarkAdLexicon *const lexicons[HARK_AD_N_LANGUAGES] = {
  [HARK_AD_LANGUAGE_GERMAN] = &german,
  [HARK_AD_LANGUAGE_FRENCH] = &french,
  [HARK_AD_LANGUAGE_SPANISH] = &spanish,
  [HARK_AD_LANGUAGE_DUTCH] = &dutch,
  [HARK_AD_LANGUAGE_ITALIAN] = &italian,
  [HARK_AD_LANGUAGE_PORTUGUESE] = &portuguese,
};

const HarkAdLexicon *
hark_ad_language_lexicon (HarkAdLanguage language)
{
  return language < HARK_AD_N_LANGUAGES ? lexicons[language] : NULL;
}

const char *
hark_ad_language_code (HarkAdLanguage language)
{
  static const char *const codes[HARK_AD_N_LANGUAGES] = { "en", "de", "fr", "es", "nl", "it",
                                                          "pt" };

  return language < HARK_AD_N_LANGUAGES ? codes[language] : "en";
}

/* Writes to @out the ASCII letters a Latin letter with marks is written as without them, lower
 * case ("ü" → "u", "ß" → "ss"); returns how many, 0 for a character that is no such letter. */
static gsize
plain_letters (gunichar c, char *out)
{
  static const struct
  {
    gunichar c;
    const char *plain;
  } special[] = { { 0x00DF, "ss" }, { 0x00E6, "ae" }, { 0x0153, "oe" }, { 0x00F8, "o" },
                  { 0x0142, "l" },  { 0x0111, "d" } };
  gunichar d[8];
  gsize n;

  for (guint i = 0; i < G_N_ELEMENTS (special); i++)
    if (special[i].c == c)
      {
        memcpy (out, special[i].plain, strlen (special[i].plain));
        return strlen (special[i].plain);
      }
  n = g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d));
  if (n >= 1 && d[0] < 0x80 && g_ascii_isalpha ((int) d[0]))
    {
      out[0] = (char) g_ascii_tolower ((int) d[0]);
      return 1;
    }
  return 0;
}

gsize
hark_ad_language_fold (const char *text, gsize length, char *out, gsize size, gsize *map)
{
  gsize n = 0;

  g_return_val_if_fail (size >= 3, 0);
  out[n] = ' ';
  if (map)
    map[n] = 0;
  n++;
  for (gsize i = 0; i < length;)
    {
      guchar c = (guchar) text[i];
      char piece[8];
      gsize len = 0, width = 1;

      if (c < 0x80)
        {
          if (g_ascii_isalnum (c) || c == '$' || c == '%' || c == '\'')
            piece[len++] = (char) g_ascii_tolower (c);
          else
            piece[len++] = ' ';
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (text + i, (gssize) (length - i));

          if (u == (gunichar) -1 || u == (gunichar) -2)
            piece[len++] = ' ';
          else
            {
              width = (gsize) g_unichar_to_utf8 (u, NULL);
              u = g_unichar_tolower (u);
              if (u == 0x2019 || u == 0x02BC)
                piece[len++] = '\'';
              else if ((len = plain_letters (u, piece)) > 0)
                ;
              else if (g_unichar_isalnum (u))
                len = (gsize) g_unichar_to_utf8 (u, piece);
              else
                piece[len++] = ' ';
            }
        }
      if (!(len == 1 && piece[0] == ' ' && out[n - 1] == ' '))
        {
          if (n + len + 2 > size)
            break;
          for (gsize k = 0; k < len; k++)
            {
              if (map)
                map[n] = i;
              out[n++] = piece[k];
            }
        }
      i += width;
    }
  if (out[n - 1] != ' ')
    {
      if (map)
        map[n] = length;
      out[n++] = ' ';
    }
  out[n] = '\0';
  return n;
}

gboolean
hark_ad_language_word_in (const char *word, gsize len, const char *const *words)
{
  if (words == NULL)
    return FALSE;
  for (guint i = 0; words[i]; i++)
    if (strlen (words[i]) == len && strncmp (word, words[i], len) == 0)
      return TRUE;
  return FALSE;
}

gboolean
hark_ad_language_is_function_word (HarkAdLanguage language, const char *word, gsize len)
{
  return language < HARK_AD_N_LANGUAGES
         && hark_ad_language_word_in (word, len, function_words[language]);
}

/* Each function word with the languages it belongs to, as bits. */
static gpointer
init_function_words (gpointer data)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint l = 0; l < HARK_AD_N_LANGUAGES; l++)
    for (guint i = 0; function_words[l][i]; i++)
      {
        guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (table, function_words[l][i]));

        g_hash_table_insert (table, (gpointer) function_words[l][i],
                             GUINT_TO_POINTER (bits | 1u << l));
      }
  return table;
}

void
hark_ad_language_tally (HarkAdLanguageTally *tally, const char *text, gsize length)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *table = g_once (&once, init_function_words, NULL);
  char buffer[512];
  gsize n;

  if (tally->words >= MAX_TALLIED_WORDS)
    return;
  /* A piece at a time (a cue is short, a turn may be long), each cut after a space. */
  for (gsize at = 0, piece; at < length && tally->words < MAX_TALLIED_WORDS; at += piece)
    {
      piece = MIN ((gsize) 160, length - at);
      while (at + piece < length && piece > 1 && text[at + piece - 1] != ' ')
        piece--;
      if (at + piece < length && text[at + piece - 1] != ' ')
        piece = MIN ((gsize) 160, length - at);
      n = hark_ad_language_fold (text + at, piece, buffer, sizeof buffer, NULL);
      for (const char *p = buffer; p < buffer + n;)
        {
          const char *end;

          while (*p == ' ')
            p++;
          if (*p == '\0')
            break;
          end = p;
          while (*end && *end != ' ')
            end++;
          tally->words++;
          if (end - p < 16)
            {
              char word[16];
              guint bits;

              memcpy (word, p, (gsize) (end - p));
              word[end - p] = '\0';
              bits = GPOINTER_TO_UINT (g_hash_table_lookup (table, word));
              for (guint l = 0; bits; l++, bits >>= 1)
                tally->hits[l] += bits & 1u;
            }
          p = end;
        }
    }
}

HarkAdLanguage
hark_ad_language_decide (const HarkAdLanguageTally *tally)
{
  guint best = HARK_AD_LANGUAGE_ENGLISH;

  if (tally->words < MIN_WORDS)
    return HARK_AD_LANGUAGE_ENGLISH;
  for (guint l = 1; l < HARK_AD_N_LANGUAGES; l++)
    if (best == HARK_AD_LANGUAGE_ENGLISH || tally->hits[l] > tally->hits[best])
      best = l;
  if (tally->hits[best] < MIN_SHARE * tally->words)
    return HARK_AD_LANGUAGE_ENGLISH;
  for (guint l = 0; l < HARK_AD_N_LANGUAGES; l++)
    if (l != best && tally->hits[best] < MARGIN * tally->hits[l])
      return HARK_AD_LANGUAGE_ENGLISH;
  return (HarkAdLanguage) best;
}

gboolean
hark_ad_language_ordinal_dot (HarkAdLanguage language, const char *text, gsize i, gsize length)
{
  gsize digits = 0;

  if (language == HARK_AD_LANGUAGE_ENGLISH || text[i] != '.')
    return FALSE;
  while (digits < i && g_ascii_isdigit (text[i - 1 - digits]))
    digits++;
  /* "3." or "12." alone, then a word: "am 3. März", "die 2. Staffel". */
  if (digits == 0 || digits > 2 || (digits < i && g_ascii_isalnum (text[i - 1 - digits])))
    return FALSE;
  return i + 2 < length && text[i + 1] == ' ' && ((guchar) text[i + 2] >= 0x80
                                                   || g_ascii_isalpha (text[i + 2]));
}
