/* test-detector-languages.c — the sponsor finder on shows in other languages than English
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made-up conversations in German, French and Spanish with the show's own promotion put in
 * (asking for support, a membership, tour dates, a book), none with a promo code and most with
 * no link; and hard negatives: a guest talking about money, their own book or a tour in
 * conversation, which must stay clean. Every show, person, title and site is invented.
 */
#include "segments/hark-ad-language.h"
#include "segments/hark-sponsor-detector.h"
#include "segments-test-util.h"

#include <math.h>
#include <string.h>

typedef struct
{
  const char *speaker; /* NULL: unknown */
  const char *text;
} Line;

/* A conversation about an old railway line, host and guest taking turns. */
static const Line german_talk[] = {
  { "Host", "Herzlich willkommen zu einer neuen Folge, heute geht es um alte Bahnstrecken." },
  { "Host", "Bei mir ist Jana Feldmann, sie forscht seit Jahren zu stillgelegten Gleisen." },
  { "Guest", "Danke für die Einladung, ich freue mich sehr, hier zu sein." },
  { "Host", "Wie bist du eigentlich auf das Thema gekommen?" },
  { "Guest", "Ehrlich gesagt über meinen Großvater, der hat als Weichensteller gearbeitet." },
  { "Guest", "Er hat mir als Kind immer erzählt, wie die Züge nachts durch das Tal gefahren sind." },
  { "Host", "Und wann wurde die Strecke dann aufgegeben?" },
  { "Guest", "Das war Anfang der siebziger Jahre, als die Straßen ausgebaut wurden." },
  { "Guest", "Die Leute sind lieber mit dem Auto gefahren, und der Güterverkehr ging auch zurück." },
  { "Host", "Das klingt nach einer ziemlich typischen Geschichte für viele Regionen." },
  { "Guest", "Genau, das ist fast überall so abgelaufen, im Norden wie im Süden." },
  { "Host", "Was ist denn heute noch von den Anlagen übrig?" },
  { "Guest", "Ein paar Bahnhofsgebäude stehen noch, manche sind inzwischen Wohnhäuser." },
  { "Guest", "Die Gleise selbst sind meistens abgebaut, aus der Trasse wurde oft ein Radweg." },
  { "Host", "Ich fahre da tatsächlich manchmal mit dem Rad entlang, ohne es zu wissen." },
  { "Guest", "Das geht vielen so, man sieht es nur an den sanften Steigungen und den Brücken." },
  { "Host", "Gibt es Pläne, einzelne Abschnitte wieder in Betrieb zu nehmen?" },
  { "Guest", "Es gibt Initiativen, aber die Kosten sind hoch und die Genehmigungen dauern." },
  { "Guest", "Trotzdem glaube ich, dass in den nächsten Jahren einiges passieren wird." },
  { "Host", "Warum bist du da so zuversichtlich?" },
  { "Guest", "Weil sich die Haltung in den Gemeinden geändert hat, die Leute wollen wieder Anschluss." },
  { "Host", "Und wie reagieren die Verkehrsbetriebe darauf?" },
  { "Guest", "Vorsichtig, sie rechnen alles dreimal durch, bevor sie etwas zusagen." },
  { "Host", "Das kann ich mir vorstellen, am Ende muss es sich ja auch tragen." },
  { "Guest", "Natürlich, aber man darf nicht nur auf die Fahrgastzahlen im ersten Jahr schauen." },
  { "Host", "Ein schöner Gedanke, mit dem wir langsam zum Ende kommen." },
};

/* A conversation about a harbour town's fishermen. */
static const Line french_talk[] = {
  { "Host", "Bonjour à toutes et à tous, bienvenue dans ce nouvel épisode." },
  { "Host", "Aujourd'hui je reçois Claire Morvan, qui a passé deux ans avec des pêcheurs." },
  { "Guest", "Merci beaucoup, c'est un plaisir d'être là avec vous." },
  { "Host", "Comment est né ce projet de partir sur le port ?" },
  { "Guest", "Je crois que c'est venu de mon enfance, mon père réparait les filets." },
  { "Guest", "Je voulais comprendre ce qui avait changé depuis cette époque." },
  { "Host", "Et qu'est ce qui a changé, justement ?" },
  { "Guest", "Presque tout, les bateaux sont moins nombreux et les quotas sont très stricts." },
  { "Guest", "Mais les gens restent très attachés à leur métier, c'est ce qui m'a frappée." },
  { "Host", "Vous avez vécu avec eux pendant tout ce temps ?" },
  { "Guest", "Oui, je louais une petite chambre au dessus du café du port." },
  { "Guest", "Le matin je partais en mer avec un équipage, le soir j'écrivais mes notes." },
  { "Host", "Ça devait être épuisant, non ?" },
  { "Guest", "Très, mais on s'habitue, et la mer vous apprend la patience." },
  { "Host", "Qu'est ce que les jeunes du port pensent de ce métier aujourd'hui ?" },
  { "Guest", "Ils hésitent, beaucoup partent en ville, mais certains reviennent après quelques années." },
  { "Host", "C'est plutôt encourageant, finalement." },
  { "Guest", "Je trouve aussi, il y a une vraie fierté qui se transmet." },
  { "Host", "Merci Claire, c'était passionnant." },
};

/* A conversation about a neighbourhood's market. */
static const Line spanish_talk[] = {
  { "Host", "Hola a todos y bienvenidos a un nuevo episodio del programa." },
  { "Host", "Hoy está con nosotros Marta Ibáñez, que lleva años estudiando los mercados de barrio." },
  { "Guest", "Gracias por invitarme, es un placer estar aquí." },
  { "Host", "¿Cómo empezó tu interés por los mercados?" },
  { "Guest", "Pues la verdad es que mi abuela tenía un puesto de fruta en el mercado." },
  { "Guest", "Pasé muchas tardes allí de pequeña, viendo a la gente comprar y charlar." },
  { "Host", "¿Y qué ha cambiado desde entonces?" },
  { "Guest", "Mucho, hay menos puestos y los horarios ya no encajan con la vida de la gente." },
  { "Guest", "Pero también hay puestos nuevos, de comida preparada, que atraen a gente joven." },
  { "Host", "Eso suena a una transformación bastante grande." },
  { "Guest", "Sí, y no siempre es fácil para los vendedores de toda la vida." },
  { "Host", "¿Qué futuro ves para estos espacios?" },
  { "Guest", "Creo que pueden volver a ser el centro del barrio si se cuidan bien." },
  { "Host", "Muchas gracias, Marta, ha sido un placer." },
};

static HarkTranscript *
build (const Line *talk, guint n_talk, guint at, const Line *insert, guint n_insert,
       double *insert_start, double *insert_end)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  double t = 0;

  for (guint i = 0; i <= n_talk; i++)
    {
      if (i == at)
        {
          if (insert_start)
            *insert_start = t;
          for (guint k = 0; k < n_insert; k++)
            {
              const char *name = insert[k].speaker;
              int speaker = name ? hark_transcript_builder_add_speaker (b, name, name) : -1;
              double length = 0.07 * strlen (insert[k].text);

              hark_transcript_builder_add_cue (b, t, t + length, insert[k].text, speaker);
              t += length;
            }
          if (insert_end)
            *insert_end = t;
          t += 0.5;
        }
      if (i < n_talk)
        {
          const char *name = talk[i].speaker;
          int speaker = name ? hark_transcript_builder_add_speaker (b, name, name) : -1;
          double length = 0.07 * strlen (talk[i].text);

          hark_transcript_builder_add_cue (b, t, t + length, talk[i].text, speaker);
          t += length + 0.5;
        }
    }
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

static GArray *
detect (HarkTranscript *t)
{
  GArray *found = hark_sponsor_detect (t);

  hark_test_log_detections (found);
  return found;
}

/* The inserted lines are found as one read of @category, its edges within @tolerance seconds
 * of theirs. */
static void
expect_read (const Line *talk, guint n_talk, guint at, const Line *insert, guint n_insert,
             HarkCategory category, double tolerance)
{
  double start = 0, end = 0;
  g_autoptr (HarkTranscript) t = build (talk, n_talk, at, insert, n_insert, &start, &end);
  g_autoptr (GArray) found = detect (t);
  const HarkDetection *d;

  g_assert_cmpuint (found->len, ==, 1);
  d = &g_array_index (found, HarkDetection, 0);
  g_assert_cmpstr (hark_category_to_string (d->category), ==, hark_category_to_string (category));
  g_assert_cmpfloat (fabs (d->start - start), <=, tolerance);
  g_assert_cmpfloat (fabs (d->end - end), <=, tolerance);
}

static void
expect_nothing (const Line *talk, guint n_talk, guint at, const Line *insert, guint n_insert)
{
  g_autoptr (HarkTranscript) t = build (talk, n_talk, at, insert, n_insert, NULL, NULL);
  g_autoptr (GArray) found = detect (t);

  g_assert_cmpuint (found->len, ==, 0);
}

static HarkAdLanguage
language_of (const Line *talk, guint n)
{
  HarkAdLanguageTally tally = { 0 };

  for (guint i = 0; i < n; i++)
    hark_ad_language_tally (&tally, talk[i].text, strlen (talk[i].text));
  return hark_ad_language_decide (&tally);
}

static void
test_language (void)
{
  static const Line english[] = {
    { "Host", "So what was it like when you first moved there, and did you know anyone at all?" },
    { "Guest", "Not a soul, it was just me and a suitcase, and the landlord was away that week." },
    { "Host", "That sounds rough, I think I would have turned around and gone home." },
    { "Guest", "I almost did, but then the neighbours invited me for dinner and that was that." },
  };
  static const Line dutch[] = {
    { "Host", "Welkom bij een nieuwe aflevering, vandaag praten we over de oude haven van de stad." },
    { "Guest", "Dank je, ik heb er jaren gewoond en het is echt niet meer wat het was." },
    { "Host", "Wat is er dan het meest veranderd, denk je?" },
    { "Guest", "De schepen zijn weg, maar er wonen nu wel heel veel mensen op de kade." },
  };
  static const Line italian[] = {
    { "Host", "Benvenuti a una nuova puntata, oggi parliamo delle vecchie ferrovie di montagna." },
    { "Guest", "Grazie, è un tema che mi sta molto a cuore perché mio nonno era macchinista." },
    { "Host", "E che cosa ti raccontava di quei viaggi, quando eri piccolo?" },
    { "Guest", "Che non c'era mai un orario sicuro, ma la gente aspettava il treno con pazienza." },
  };
  static const Line portuguese[] = {
    { "Host", "Olá a todos, hoje vamos falar sobre os mercados antigos da cidade." },
    { "Guest", "Obrigada pelo convite, eu cresci no meio desses mercados e tenho muitas memórias." },
    { "Host", "E o que você acha que mudou mais nos últimos anos?" },
    { "Guest", "Mudou muito, as pessoas não têm mais tempo para conversar com quem vende." },
  };
  static const Line few[] = { { "Host", "Danke, bis bald." } };
  char folded[128];

  g_assert_cmpint (language_of (german_talk, G_N_ELEMENTS (german_talk)), ==,
                   HARK_AD_LANGUAGE_GERMAN);
  g_assert_cmpint (language_of (french_talk, G_N_ELEMENTS (french_talk)), ==,
                   HARK_AD_LANGUAGE_FRENCH);
  g_assert_cmpint (language_of (spanish_talk, G_N_ELEMENTS (spanish_talk)), ==,
                   HARK_AD_LANGUAGE_SPANISH);
  g_assert_cmpint (language_of (english, G_N_ELEMENTS (english)), ==, HARK_AD_LANGUAGE_ENGLISH);
  g_assert_cmpint (language_of (dutch, G_N_ELEMENTS (dutch)), ==, HARK_AD_LANGUAGE_DUTCH);
  g_assert_cmpint (language_of (italian, G_N_ELEMENTS (italian)), ==, HARK_AD_LANGUAGE_ITALIAN);
  g_assert_cmpint (language_of (portuguese, G_N_ELEMENTS (portuguese)), ==,
                   HARK_AD_LANGUAGE_PORTUGUESE);
  /* Too little to tell: as English. */
  g_assert_cmpint (language_of (few, G_N_ELEMENTS (few)), ==, HARK_AD_LANGUAGE_ENGLISH);

  /* Folded the same way with or without marks. */
  hark_ad_language_fold ("Über Fördermitgliedschaft – Straße, ÉTÉ!", strlen ("Über Fördermitgliedschaft – Straße, ÉTÉ!"), folded,
                         sizeof folded, NULL);
  g_assert_cmpstr (folded, ==, " uber fordermitgliedschaft strasse ete ");
  /* Cut short, never past the room given. */
  hark_ad_language_fold ("ßßßßßßßßßßßßßßßßßßßß", strlen ("ßßßßßßßßßßßßßßßßßßßß"), folded, 10, NULL);
  g_assert_cmpuint (strlen (folded), <, 10);
}

/* 1. A support pitch spliced into a guest's turn, no link: the show lives on its listeners;
 * how to become a supporting member is in the episode description. */
static void
test_german_spliced_support (void)
{
  static const Line pitch[] = {
    { "Guest", "Diese Sendung gibt es nur, weil ihr sie unterstützt. Wie ihr Fördermitglied werden könnt, per PayPal, Überweisung oder Dauerauftrag, steht in der Episodenbeschreibung." },
  };

  expect_read (german_talk, G_N_ELEMENTS (german_talk), 14, pitch, G_N_ELEMENTS (pitch),
               HARK_CATEGORY_SELFPROMO, 1.0);
}

/* 2. A closing pitch after the goodbye. */
static void
test_german_closing_pitch (void)
{
  static const Line pitch[] = {
    { "Host", "Wenn ihr findet, dass solche Geschichten öfter erzählt werden sollten, dann unterstützt uns." },
    { "Host", "Werdet Mitglied, erzählt euren Freundinnen und Freunden von uns oder bewertet uns in eurer App." },
  };

  expect_read (german_talk, G_N_ELEMENTS (german_talk), G_N_ELEMENTS (german_talk), pitch,
               G_N_ELEMENTS (pitch), HARK_CATEGORY_SELFPROMO, 1.0);
}

/* 3. A mid-roll the host announces as a small ad for the show itself: membership tiers and a
 * link. */
static void
test_german_own_midroll (void)
{
  static const Line pitch[] = {
    { "Host", "Ich nutze die kurze Pause für ein bisschen Werbung in eigener Sache." },
    { "Host", "Wir sind komplett hörerfinanziert und haben keine Werbepartner." },
    { "Host", "Als Fördermitglied bekommt ihr schon ab drei Euro im Monat alle Bonusfolgen, es gibt drei Stufen." },
    { "Host", "Alles dazu findet ihr auf gleisgeschichten.de/mitmachen." },
  };

  expect_read (german_talk, G_N_ELEMENTS (german_talk), 11, pitch, G_N_ELEMENTS (pitch),
               HARK_CATEGORY_SELFPROMO, 1.0);
}

/* 4. Tour dates read city by city. */
static void
test_german_tour_dates (void)
{
  static const Line pitch[] = {
    { "Host", "Und noch etwas: Wir gehen im Frühjahr mit der Sendung auf Tour!" },
    { "Host", "Am 3. März sind wir in Leipzig, am 5. März in Dresden und am 8. März in Erfurt." },
    { "Host", "Tickets gibt es auf unserer Website, sichert euch jetzt eure Karten." },
  };

  expect_read (german_talk, G_N_ELEMENTS (german_talk), G_N_ELEMENTS (german_talk), pitch,
               G_N_ELEMENTS (pitch), HARK_CATEGORY_SELFPROMO, 1.0);
}

/* 5. The host telling listeners to read the guest's book, as a closing plug. */
static void
test_german_book_plug (void)
{
  static const Line pitch[] = {
    { "Host", "Lest unbedingt ihr neues Buch „Das Tal der leisen Züge“." },
    { "Host", "Es ist gerade erschienen und überall im Buchhandel erhältlich." },
  };

  /* Where it is sold, said after the plug, is no evidence of its own (as in English): the read
   * may end before it. */
  expect_read (german_talk, G_N_ELEMENTS (german_talk), G_N_ELEMENTS (german_talk), pitch,
               G_N_ELEMENTS (pitch), HARK_CATEGORY_SELFPROMO, 5.0);
}

/* 6. A public-radio closing: thanks, then where the guest's essay is published. */
static void
test_german_publisher_closing (void)
{
  static const Line pitch[] = {
    { "Host", "Wer tiefer in das Thema einsteigen möchte: Ihr Essay „Verlorene Gleise“ ist im Verlag Nordlicht erschienen." },
  };

  expect_read (german_talk, G_N_ELEMENTS (german_talk), G_N_ELEMENTS (german_talk), pitch,
               G_N_ELEMENTS (pitch), HARK_CATEGORY_SELFPROMO, 1.0);
}

/* Hard negatives: money, the guest's own book, a tour, talked about. */
static void
test_german_conversation_stays_clean (void)
{
  static const Line money[] = {
    { "Host", "Wie habt ihr das damals eigentlich finanziert?" },
    { "Guest", "Gar nicht richtig, wir hatten kaum Geld, jeder Euro hat gezählt." },
    { "Guest", "Meine Eltern haben uns unterstützt, und ein Verein hat uns fünf Euro pro Mitglied gespendet." },
    { "Host", "Das ist ja fast rührend." },
  };
  static const Line book[] = {
    { "Host", "Du hast darüber ja auch geschrieben." },
    { "Guest", "Ja, mein Buch ist letztes Jahr im Verlag erschienen, es geht um die Menschen an der Strecke." },
    { "Guest", "Ich habe drei Jahre daran gearbeitet und viele Interviews geführt." },
    { "Host", "Und wie waren die Reaktionen?" },
  };
  static const Line everyday[] = {
    { "Guest", "Dann schaut man sich die alten Pläne an, und dann kommt man drauf, dass die Strecke gar nicht schlecht war." },
    { "Guest", "Die Gemeinde hat das Projekt unterstützt, und viele Mitglieder des Vereins haben gespendet." },
    { "Host", "Ich habe damals ein Buch dazu gelesen, das ist im Verlag einer Universität erschienen." },
    { "Guest", "Wir haben die Sendung früher im Radio gehört, da lief auch Werbung dazwischen." },
    { "Host", "Und die Fahrkarte hat damals zwei Euro gekostet, oder?" },
    { "Guest", "Im Jahr 1970 sind im Schnitt 30 Prozent weniger Leute gefahren, daraus folgt einiges." },
    { "Host", "Findest du nicht? Kannst du uns erklären, was das für die Dörfer bedeutet hat?" },
    { "Guest", "Das steht in der Chronik der Gemeinde, die findet ihr im Rathaus, vielen Dank euch." },
  };
  static const Line tour[] = {
    { "Guest", "Mein Bruder war damals mit seiner Band auf Tour, am 3. Mai in Prag und danach in Wien." },
    { "Guest", "Die Tickets waren schnell ausverkauft, er hat mir eine Karte mitgebracht." },
    { "Host", "Was für Musik haben die gemacht?" },
  };

  expect_nothing (german_talk, G_N_ELEMENTS (german_talk), 9, money, G_N_ELEMENTS (money));
  expect_nothing (german_talk, G_N_ELEMENTS (german_talk), 9, book, G_N_ELEMENTS (book));
  expect_nothing (german_talk, G_N_ELEMENTS (german_talk), 9, tour, G_N_ELEMENTS (tour));
  expect_nothing (german_talk, G_N_ELEMENTS (german_talk), 17, everyday, G_N_ELEMENTS (everyday));
  expect_nothing (german_talk, G_N_ELEMENTS (german_talk), 0, NULL, 0);
}

/* French: a mid-episode support pitch with no link, and a membership with a price. */
/* The show names itself in its own language's greeting ("willkommen bei X"), so a read that
 * sends listeners only to X's own site is the show's, code and discount or not. */
static void
test_german_show_named_in_greeting (void)
{
  static const Line insert[] = {
    { "Host", "Wir machen eine kurze Pause." },
    { "Host", "Auf gleisbett.de gibt es jetzt Tassen und Shirts mit alten Fahrplänen drauf." },
    { "Host", "Schaut mal vorbei, zehn Prozent Rabatt gibt es mit dem Code GLEIS." },
  };
  Line talk[G_N_ELEMENTS (german_talk)];

  memcpy (talk, german_talk, sizeof talk);
  talk[0].text = "Herzlich willkommen bei Gleisbett, heute geht es um alte Bahnstrecken.";
  expect_read (talk, G_N_ELEMENTS (talk), 11, insert, G_N_ELEMENTS (insert),
               HARK_CATEGORY_SELFPROMO, 1.0);
}

static void
test_french_support (void)
{
  static const Line pitch[] = {
    { "Host", "Petite parenthèse : ce podcast est indépendant et n'existe que grâce à vous." },
    { "Host", "Pour nous soutenir, devenez membre à partir de trois euros par mois, tout se trouve dans la description de l'épisode." },
  };

  expect_read (french_talk, G_N_ELEMENTS (french_talk), 9, pitch, G_N_ELEMENTS (pitch),
               HARK_CATEGORY_SELFPROMO, 1.0);
}

static void
test_french_conversation_stays_clean (void)
{
  static const Line talk[] = {
    { "Guest", "Mon livre est paru l'an dernier, il raconte la vie de trois familles du port." },
    { "Guest", "Les pêcheurs m'ont beaucoup soutenue, sans eux il n'existerait pas." },
    { "Host", "Et eux, ils l'ont lu ?" },
  };

  expect_nothing (french_talk, G_N_ELEMENTS (french_talk), 12, talk, G_N_ELEMENTS (talk));
  expect_nothing (french_talk, G_N_ELEMENTS (french_talk), 0, NULL, 0);
}

/* Spanish: tour dates read city by city, tickets on the show's site. */
static void
test_spanish_tour (void)
{
  static const Line pitch[] = {
    { "Host", "Y una cosa más: ¡nos vamos de gira con el programa en directo!" },
    { "Host", "El 12 de marzo estaremos en Valencia y el 14 de marzo en Zaragoza." },
    { "Host", "Las entradas están en nuestra web, no te pierdas la tuya y compra ya las entradas." },
  };

  expect_read (spanish_talk, G_N_ELEMENTS (spanish_talk), G_N_ELEMENTS (spanish_talk), pitch,
               G_N_ELEMENTS (pitch), HARK_CATEGORY_SELFPROMO, 1.0);
}

static void
test_spanish_conversation_stays_clean (void)
{
  static const Line talk[] = {
    { "Guest", "El punto es que los vendedores apenas ganan dinero, a veces diez euros al día." },
    { "Guest", "Mi libro habla de eso, lo publicó una editorial pequeña hace dos años." },
    { "Host", "¿Y cómo lo recibieron en el mercado?" },
  };

  expect_nothing (spanish_talk, G_N_ELEMENTS (spanish_talk), 8, talk, G_N_ELEMENTS (talk));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/languages/language", test_language);
  g_test_add_func ("/segments/languages/german-spliced-support", test_german_spliced_support);
  g_test_add_func ("/segments/languages/german-closing-pitch", test_german_closing_pitch);
  g_test_add_func ("/segments/languages/german-own-midroll", test_german_own_midroll);
  g_test_add_func ("/segments/languages/german-tour-dates", test_german_tour_dates);
  g_test_add_func ("/segments/languages/german-book-plug", test_german_book_plug);
  g_test_add_func ("/segments/languages/german-publisher-closing", test_german_publisher_closing);
  g_test_add_func ("/segments/languages/german-conversation-clean",
                   test_german_conversation_stays_clean);
  g_test_add_func ("/segments/languages/german-show-named-in-greeting",
                   test_german_show_named_in_greeting);
  g_test_add_func ("/segments/languages/french-support", test_french_support);
  g_test_add_func ("/segments/languages/french-conversation-clean",
                   test_french_conversation_stays_clean);
  g_test_add_func ("/segments/languages/spanish-tour", test_spanish_tour);
  g_test_add_func ("/segments/languages/spanish-conversation-clean",
                   test_spanish_conversation_stays_clean);
  return g_test_run ();
}
