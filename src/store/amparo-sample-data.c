/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n.h>

#include "amparo-sample-data.h"

/*
 * A first-run sample set. The organization, litigation, statements and
 * demands restate public facts from the seed texts (the Ms. L v. ICE
 * settlement, ImmDef v. DHS, the February 2021 statement). Every client
 * and relative is invented; their notes say so. Hearings and deadlines
 * are placed in the coming weeks so the Agenda has something to show.
 *
 * The first record carries a fixed uid, so loading twice adds nothing.
 */

#define SAMPLE_MARKER_UID "00000000-0000-4000-8000-5a3b1e000001"

typedef struct
{
  AmparoStore *store;
  GPtrArray *strings;    /* dates made for this load */
  GPtrArray *objects;    /* records saved, kept alive until the end */
  GDate today;
} Loader;

static const char *
day (Loader *loader,
     int     days_from_today)
{
  GDate date = loader->today;
  char *text;

  if (days_from_today >= 0)
    g_date_add_days (&date, days_from_today);
  else
    g_date_subtract_days (&date, -days_from_today);
  text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
  g_ptr_array_add (loader->strings, text);
  return text;
}

static const char *
day_at (Loader     *loader,
        int         days_from_today,
        const char *time)
{
  char *text = g_strdup_printf ("%sT%s", day (loader, days_from_today), time);

  g_ptr_array_add (loader->strings, text);
  return text;
}

/* Born `years` years and `days` days ago. */
static const char *
born (Loader *loader,
      int     years,
      int     days)
{
  GDate date = loader->today;
  char *text;

  g_date_subtract_years (&date, years);
  g_date_subtract_days (&date, days);
  text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
  g_ptr_array_add (loader->strings, text);
  return text;
}

static gint64
id_of (gpointer record)
{
  return amparo_record_get_id (AMPARO_RECORD (record));
}

/* Creates and saves a record from property/value pairs. Note for callers:
 * references (`person-id`…) are gint64 varargs. */
static gpointer
add (Loader       *loader,
     GError      **error,
     GType         type,
     const char   *first_property,
     ...)
{
  g_autoptr(GObject) record = NULL;
  va_list args;

  if (error != NULL && *error != NULL)
    return NULL;

  va_start (args, first_property);
  record = g_object_new_valist (type, first_property, args);
  va_end (args);

  if (!amparo_store_save (loader->store, AMPARO_RECORD (record), error))
    return NULL;
  /* Borrowed by the caller; the loader keeps it alive until the end. */
  g_ptr_array_add (loader->objects, g_object_ref (record));
  return record;
}

static gboolean
add_organization (Loader  *loader,
                  GError **error)
{
  g_autoptr(AmparoOrganization) organization = amparo_store_get_organization (loader->store, error);

  if (organization == NULL)
    return FALSE;
  /* Never overwrite what the organization entered itself. */
  if (amparo_record_get_id (AMPARO_RECORD (organization)) != 0)
    return TRUE;

  g_object_set (organization,
                "name", "Immigrant Defenders Law Center (ImmDef)",
                "address", "Los Angeles, California",
                "about-en", "Immigrant Defenders Law Center (ImmDef) is a next-generation social justice law firm that defends immigrant communities against injustices in the legal system. Our programs are a first step towards the long-term goal of providing universal representation to all immigrants facing deportation. We envision a future where no immigrant will be forced to face immigration court alone. ImmDef is now the largest non-profit, pro bono provider of deportation legal defense in California, with offices in Los Angeles, Riverside, Santa Ana, and San Diego.",
                "about-es", "Immigrant Defenders Law Center (ImmDef) es un bufete de justicia social de nueva generación que defiende a las comunidades inmigrantes frente a las injusticias del sistema legal. Nuestros programas son un primer paso hacia la meta de largo plazo de dar representación legal universal a todas las personas inmigrantes que enfrentan la deportación. Soñamos con un futuro en el que ninguna persona inmigrante tenga que presentarse sola ante la corte de inmigración. ImmDef es hoy el mayor proveedor sin fines de lucro de defensa legal gratuita contra la deportación en California, con oficinas en Los Ángeles, Riverside, Santa Ana y San Diego.",
                "website-url", "https://www.immdef.org",
                "media-contact-name", "Renee Garcia",
                "media-contact-phone", "213-634-7615",
                NULL);
  return amparo_store_save (loader->store, AMPARO_RECORD (organization), error);
}

typedef struct
{
  AmparoLitigation *ms_l;
  AmparoLitigation *immdef;
  AmparoDemand *demands[5];
} Public;

static void
add_litigation (Loader  *loader,
                Public  *pub,
                GError **error)
{
  pub->ms_l = add (loader, error, AMPARO_TYPE_LITIGATION,
    "uid", SAMPLE_MARKER_UID,
    "name", "Ms. L v. ICE",
    "court", "U.S. District Court for the Southern District of California",
    "status", AMPARO_LITIGATION_STATUS_SETTLED,
    "url", "https://www.aclu.org/cases/ms-l-v-ice",
    "class-from", "2017-01-20",
    "class-until", "2021-01-20",
    "benefit-terms", "housing=6\nmedical=12\nmental-health=12",
    "summary-en", "Class action filed by the ACLU on behalf of families separated under the “Zero Tolerance” policy. The settlement, reached on October 16, 2023 and approved by the court in December 2023, bars family separations for eight years except in limited circumstances and gives separated families six months of housing support, one year of medical support and one year of mental health support, and a fair and timely consideration of their asylum applications. It includes no monetary compensation and no permanent legal relief.",
    "summary-es", "Demanda colectiva presentada por la ACLU en nombre de las familias separadas bajo la política de “Tolerancia Cero”. El acuerdo, alcanzado el 16 de octubre de 2023 y aprobado por la corte en diciembre de 2023, prohíbe las separaciones familiares durante ocho años, salvo en circunstancias limitadas, y da a las familias separadas seis meses de apoyo de vivienda, un año de apoyo médico y un año de apoyo de salud mental, además de una consideración justa y oportuna de sus solicitudes de asilo. No incluye compensación económica ni un alivio legal permanente.",
    NULL);

  pub->immdef = add (loader, error, AMPARO_TYPE_LITIGATION,
    "name", "ImmDef v. DHS",
    "filed-on", "2021-01-14",
    "status", AMPARO_LITIGATION_STATUS_ACTIVE,
    "summary-en", "Filed on January 14, 2021 by groups representing unaccompanied children (ImmDef and RAICES, with ProBAR and The Door as organizational plaintiffs; counsel from ImmDef and Justice Action Center, with pro bono support from Simpson Thacher & Bartlett LLP). The government denied the protections of the TVPRA to unaccompanied children who had ever been in the MPP (“Remain in Mexico”) program, putting at least 500 children at risk of deportation without a day in court.",
    "summary-es", "Presentada el 14 de enero de 2021 por organizaciones que representan a menores no acompañados (ImmDef y RAICES, con ProBAR y The Door como demandantes institucionales; representación legal de ImmDef y Justice Action Center, con apoyo gratuito de Simpson Thacher & Bartlett LLP). El gobierno negaba las protecciones de la TVPRA a los menores no acompañados que alguna vez estuvieron en el programa MPP (“Quédate en México”), lo que ponía a por lo menos 500 menores en riesgo de ser deportados sin una audiencia ante la corte.",
    NULL);
}

static void
add_demands (Loader  *loader,
             Public  *pub,
             GError **error)
{
  static const struct {
    const char *title_en, *title_es, *text_en, *text_es;
    AmparoDemandTarget target;
  } demands[5] = {
    { "Rescind Title 42", "Rescindir el Título 42",
      "Immediately end expulsions by rescinding Title 42, and resume safe processing of asylum seekers at the Southern border.",
      "Rescindir el Título 42, poner un fin inmediato a las deportaciones, y reanudar el procesamiento seguro de los solicitantes de asilo en la frontera sur.",
      AMPARO_DEMAND_TARGET_PRESIDENT },
    { "Entry for everyone impacted by MPP", "Entrada para todas las personas afectadas por el MPP",
      "Immediately announce a fair and transparent process to allow entry for all people who have been impacted by MPP, including those ordered deported through this illegitimate process.",
      "Declarar de inmediato un proceso justo y transparente para permitir la entrada de todas las personas que han sido afectadas por el MPP, incluyendo a las que fueron deportadas a través de este proceso ilegítimo.",
      AMPARO_DEMAND_TARGET_DHS },
    { "End immigration detention", "Poner fin a la detención de inmigrantes",
      "Commit to ending immigration detention and guarantee that no asylum seekers will be subjected to physical or digital shackles.",
      "Hacer un compromiso de poner fin a la detención de inmigrantes y garantizar que ningún solicitante de asilo sea sometido a cadenas físicas o digitales.",
      AMPARO_DEMAND_TARGET_PRESIDENT },
    { "Halt deportation flights", "Detener los vuelos de deportación",
      "Immediately halt all ICE deportation flights and stay final orders of removal.",
      "Detener de inmediato todos los vuelos de deportación de ICE y suspender las órdenes finales de expulsión.",
      AMPARO_DEMAND_TARGET_ICE },
    { "Protect Black migrants at the border", "Proteger a los migrantes negros en la frontera",
      "Take immediate steps to protect the safety and rights of Black migrants who have been trapped at the U.S./Mexico border and denied access to the asylum system.",
      "Tomar medidas inmediatas para proteger la seguridad y los derechos de los migrantes negros a quienes se les ha negado el acceso al sistema de asilo y que han quedado atrapados en la frontera entre Estados Unidos y México.",
      AMPARO_DEMAND_TARGET_DHS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (demands); i++)
    pub->demands[i] = add (loader, error, AMPARO_TYPE_DEMAND,
                           "title-en", demands[i].title_en, "title-es", demands[i].title_es,
                           "text-en", demands[i].text_en, "text-es", demands[i].text_es,
                           "target", demands[i].target,
                           "first-stated", "2021-02-03",
                           NULL);

  if (pub->demands[0] != NULL)
    {
      g_object_set (pub->demands[0], "status", AMPARO_DEMAND_STATUS_PARTIALLY_MET, NULL);
      if (!amparo_store_save (loader->store, AMPARO_RECORD (pub->demands[0]), error))
        return;
      add (loader, error, AMPARO_TYPE_DEMAND_UPDATE,
           "demand-id", id_of (pub->demands[0]),
           "update-date", "2023-05-11",
           "status", AMPARO_DEMAND_STATUS_PARTIALLY_MET,
           "note-en", "Title 42 expulsions ended on May 11, 2023. Safe processing of asylum seekers at the border has not been fully restored.",
           "note-es", "Las expulsiones bajo el Título 42 terminaron el 11 de mayo de 2023. El procesamiento seguro de los solicitantes de asilo en la frontera no se ha restablecido por completo.",
           NULL);
    }
}

static const char statement_en[] =
  "Immigrant Defenders Law Center (ImmDef) calls upon President Biden and his Administration to take swift and decisive action to address the urgent humanitarian crisis faced by thousands of asylum seekers and detainees. While President Biden’s February 2nd Executive Orders are a welcomed first step toward dismantling our country’s oppressive and xenophobic immigration policies, they fall short. These orders do nothing to end the trauma and violence that continues in this moment because of the Migrant Protection Protocols (MPP).\n\n"
  "As an organization that witnesses firsthand the life and death consequences of policy decisions, we demand the following steps are taken without delay:\n\n"
  "1. Immediately end expulsions by rescinding Title 42, and resume safe processing of asylum seekers at the Southern border,\n"
  "2. Immediately announce a fair and transparent process to allow entry for all people who have been impacted by MPP, including those ordered deported through this illegitimate process,\n"
  "3. Commit to ending immigration detention and guarantee that no asylum seekers will be subjected to physical or digital shackles.\n"
  "4. Immediately halt all ICE deportation flights and stay final orders of removal, and\n"
  "5. Take immediate steps to protect the safety and rights of Black migrants who have been trapped at the U.S./Mexico border and denied access to the asylum system.\n\n"
  "ImmDef’s guiding principle is that no immigrant stands alone. We will continue to hold the government accountable until all immigrant communities are welcomed with dignity.";

static const char statement_es[] =
  "Mientras las órdenes ejecutivas del 2 de febrero del presidente Biden reflejan un paso adecuado hacia el desmantelamiento de las políticas de inmigración opresivas y xenófobas de nuestro país, se quedan cortas. Exigimos que se tomen las siguientes medidas sin demora:\n\n"
  "1. Rescindir el Título 42, poner un fin inmediato a las deportaciones, y reanudar el procesamiento seguro de los solicitantes de asilo en la frontera sur.\n"
  "2. Declarar de inmediato un proceso justo y transparente para permitir la entrada de todas las personas que han sido afectadas por el MPP, incluyendo a las que fueron deportadas a través de este proceso ilegítimo.\n"
  "3. Hacer un compromiso de poner fin a la detención de inmigrantes y garantizar que ningún solicitante de asilo sea sometido a cadenas físicas o digitales.\n"
  "4. Detener de inmediato todos los vuelos de deportación de ICE y suspender las órdenes finales de expulsión, y\n"
  "5. Tomar medidas inmediatas para proteger la seguridad y los derechos de los migrantes negros a quienes se les ha negado el acceso al sistema de asilo y que han quedado atrapados en la frontera entre Estados Unidos y México.";

static const char settlement_en[] =
  "A federal court judge has approved the settlement reached between the Biden Administration and the ACLU on October 16, 2023, in the class action lawsuit Ms. L v. ICE filed by the ACLU on behalf of families separated by the Trump administration.\n\n"
  "The Ms. L settlement bars family separations for the following eight years, except in limited circumstances, and provides aid to families harmed by these forcible separations, including six months of housing support, one year of medical support, and one year of mental health support. It also facilitates a fair and timely consideration of families’ applications for asylum and legal status in the United States. The settlement does not include monetary compensation for damages and does not offer permanent legal relief to impacted families.\n\n"
  "“Due to the chaotic nature of the separations and improper data tracking, some families remain separated to this day. In the name of every child and family member that remains separated, we continue to call on the Biden administration and Congress to support the work of reuniting children with their parents,” said Mickey Donovan-Kaloust, Legal Services Director for ImmDef’s Children’s Representation Program.";

static const char settlement_es[] =
  "Un juez federal aprobó el acuerdo alcanzado el 16 de octubre de 2023 entre la administración Biden y la ACLU en la demanda colectiva Ms. L v. ICE, presentada por la ACLU en nombre de las familias separadas por la administración Trump.\n\n"
  "El acuerdo Ms. L prohíbe las separaciones familiares durante los próximos ocho años, salvo en circunstancias limitadas, y da apoyo a las familias dañadas por estas separaciones forzadas: seis meses de apoyo de vivienda, un año de apoyo médico y un año de apoyo de salud mental. También facilita una consideración justa y oportuna de las solicitudes de asilo y de estatus legal de las familias en los Estados Unidos. El acuerdo no incluye compensación económica por daños ni ofrece un alivio legal permanente a las familias afectadas.\n\n"
  "“Por la naturaleza caótica de las separaciones y el registro inadecuado de los datos, algunas familias siguen separadas hasta el día de hoy. En nombre de cada niño y cada familiar que sigue separado, seguimos exhortando a la administración Biden y al Congreso a apoyar la reunificación de los niños con sus padres”, dijo Mickey Donovan-Kaloust, directora de servicios legales del Programa de Representación de Menores de ImmDef.";

static void
add_releases (Loader  *loader,
              Public  *pub,
              GError **error)
{
  AmparoRelease *statement;

  add (loader, error, AMPARO_TYPE_RELEASE,
       "title-en", "ImmDef Welcomes Approval of Ms. L vs. ICE Settlement",
       "title-es", "ImmDef celebra la aprobación del acuerdo en Ms. L v. ICE",
       "body-en", settlement_en, "body-es", settlement_es,
       "dateline", "LOS ANGELES", "dateline-es", "LOS ÁNGELES",
       "release-date", "2023-12-14",
       "status", AMPARO_RELEASE_STATUS_PUBLISHED,
       "media-contact", "Alicia Vargas, 213.653-1442",
       "litigation-id", pub->ms_l ? id_of (pub->ms_l) : (gint64) 0,
       NULL);

  statement = add (loader, error, AMPARO_TYPE_RELEASE,
       "title-en", "ImmDef Calls Upon the Biden Administration to Take Immediate Action for Asylum Seekers and Detainees",
       "title-es", "ImmDef exhorta a la administración Biden a tomar medidas inmediatas por los solicitantes de asilo y las personas detenidas",
       "body-en", statement_en, "body-es", statement_es,
       "dateline", "Los Angeles, CA", "dateline-es", "Los Ángeles, California",
       "release-date", "2021-02-03",
       "status", AMPARO_RELEASE_STATUS_PUBLISHED,
       "media-contact", "Renee Garcia, 213-634-7615",
       NULL);

  if (statement != NULL && (error == NULL || *error == NULL))
    amparo_store_set_release_demands (loader->store, statement, pub->demands,
                                      G_N_ELEMENTS (pub->demands), error);
}

static AmparoPerson *
add_person (Loader     *loader,
            GError    **error,
            const char *given,
            const char *family,
            const char *birth_date,
            AmparoSex   sex,
            const char *country,
            const char *languages,
            const char *first_property,
            ...)
{
  g_autoptr(AmparoPerson) person = NULL;
  va_list args;

  if (error != NULL && *error != NULL)
    return NULL;

  person = amparo_person_new ();
  g_object_set (person,
                "given-names", given, "family-names", family, "birth-date", birth_date,
                "sex", sex, "country-of-birth", country, "languages", languages,
                "notes", "Sample record: this person is fictitious.",
                NULL);
  if (first_property != NULL)
    {
      va_start (args, first_property);
      g_object_set_valist (G_OBJECT (person), first_property, args);
      va_end (args);
    }
  if (!amparo_store_save (loader->store, AMPARO_RECORD (person), error))
    return NULL;
  g_ptr_array_add (loader->objects, g_object_ref (person));
  return person;
}

static void
add_relationship (Loader                   *loader,
                  GError                  **error,
                  AmparoPerson             *person,
                  AmparoPerson             *relative,
                  AmparoRelationshipKind    kind,
                  AmparoVerification        verification,
                  AmparoReunificationStatus status,
                  const char               *first_property,
                  ...)
{
  g_autoptr(AmparoRelationship) relationship = NULL;
  va_list args;

  if (person == NULL || relative == NULL || (error != NULL && *error != NULL))
    return;

  relationship = amparo_relationship_new ();
  g_object_set (relationship,
                "person-id", id_of (person), "relative-id", id_of (relative),
                "kind", kind, "verification", verification,
                "reunification-status", status,
                "separated", status != AMPARO_REUNIFICATION_NOT_SEPARATED,
                NULL);
  if (first_property != NULL)
    {
      va_start (args, first_property);
      g_object_set_valist (G_OBJECT (relationship), first_property, args);
      va_end (args);
    }
  if (!amparo_store_save (loader->store, AMPARO_RECORD (relationship), error))
    return;
  g_ptr_array_add (loader->objects, g_object_ref (relationship));
}

/* A mother deported to Guatemala; her son in an ORR shelter in Los Angeles. */
static void
add_separated_family (Loader  *loader,
                      GError **error)
{
  AmparoPerson *mother, *son;
  AmparoRelationship *link;

  mother = add_person (loader, error, "Rosa Amalia", "Tzul Ixcoy", born (loader, 34, 120),
                       AMPARO_SEX_FEMALE, "GT", "quc,spa",
                       "interpreter-needed", TRUE, "client-status", AMPARO_CLIENT_STATUS_ACTIVE,
                       "a-number", "A-220-555-101", "intake-date", day (loader, -50),
                       "program", "Family reunification", "assigned-staff", "M. Herrera",
                       NULL);
  son = add_person (loader, error, "Wilmer Estuardo", "Tzul Ixcoy", born (loader, 11, 40),
                    AMPARO_SEX_MALE, "GT", "quc,spa",
                    "unaccompanied-minor", TRUE, "client-status", AMPARO_CLIENT_STATUS_ACTIVE,
                    "a-number", "220555102", "intake-date", day (loader, -55),
                    "program", "Children's Representation Program", "assigned-staff", "M. Herrera",
                    NULL);
  if (mother == NULL || son == NULL)
    return;

  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (mother),
       "kind", AMPARO_LOCATION_KIND_CBP_CUSTODY, "facility", "San Ysidro Port of Entry",
       "city", "San Diego", "country", "US",
       "since", day (loader, -62), "until", day (loader, -58), "source", "Client's son", NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (mother),
       "kind", AMPARO_LOCATION_KIND_DEPORTED, "city", "Quetzaltenango", "country", "GT",
       "since", day (loader, -41), "source", "Phone call with the client", NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (son),
       "kind", AMPARO_LOCATION_KIND_CBP_CUSTODY, "facility", "San Ysidro Port of Entry",
       "city", "San Diego", "country", "US",
       "since", day (loader, -62), "until", day (loader, -59), "source", "ORR case file", NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (son),
       "kind", AMPARO_LOCATION_KIND_ORR_SHELTER, "facility", "Casa Ejemplo (sample shelter)",
       "city", "Los Angeles", "country", "US",
       "since", day (loader, -59), "source", "ORR case file", NULL);
  add (loader, error, AMPARO_TYPE_CONTACT, "person-id", id_of (mother),
       "kind", AMPARO_CONTACT_KIND_WHATSAPP, "value", "+502 5555 0142",
       "belongs-to", "Rosa (mother), in Quetzaltenango", "country", "GT",
       "last-verified", day (loader, -3), NULL);
  add (loader, error, AMPARO_TYPE_CONTACT, "person-id", id_of (mother),
       "kind", AMPARO_CONTACT_KIND_PHONE, "value", "+502 5555 0177",
       "belongs-to", "Neighbor who passes on messages", "country", "GT",
       "last-verified", day (loader, -160), NULL);

  add_relationship (loader, error, son, mother, AMPARO_RELATIONSHIP_KIND_PARENT,
                    AMPARO_VERIFICATION_DOCUMENTED, AMPARO_REUNIFICATION_IN_CONTACT,
                    "separation-date", day (loader, -62), "separation-place", "San Ysidro Port of Entry",
                    "separated-by", "CBP", "status-date", day (loader, -3), "tracing-consent", TRUE,
                    NULL);
  link = loader->objects->len > 0 ? g_ptr_array_index (loader->objects, loader->objects->len - 1) : NULL;
  if (link != NULL && AMPARO_IS_RELATIONSHIP (link))
    {
      add (loader, error, AMPARO_TYPE_EVIDENCE, "relationship-id", id_of (link),
           "kind", AMPARO_EVIDENCE_KIND_DOCUMENT, "description", "Birth certificate of Wilmer (copy sent by WhatsApp)",
           "verified-by", "M. Herrera", "verified-on", day (loader, -40), NULL);
      add (loader, error, AMPARO_TYPE_EVIDENCE, "relationship-id", id_of (link),
           "kind", AMPARO_EVIDENCE_KIND_ACCOUNTS_AGREE, "description", "Separate interviews: both name the same village, school and relatives",
           "verified-by", "M. Herrera", "verified-on", day (loader, -38), NULL);
    }

  add (loader, error, AMPARO_TYPE_PROCEEDING, "person-id", id_of (son),
       "kind", AMPARO_PROCEEDING_KIND_REMOVAL, "court", "Los Angeles Immigration Court",
       "status", AMPARO_PROCEEDING_STATUS_OPEN, "opened-on", day (loader, -50), NULL);
  add (loader, error, AMPARO_TYPE_EVENT, "person-id", id_of (son),
       "kind", AMPARO_EVENT_KIND_HEARING, "title", "Master calendar hearing",
       "starts-at", day_at (loader, 12, "09:00"), "place", "Los Angeles Immigration Court",
       "source", AMPARO_EVENT_SOURCE_COURT_NOTICE, NULL);
  add (loader, error, AMPARO_TYPE_EVENT, "person-id", id_of (mother),
       "kind", AMPARO_EVENT_KIND_OTHER, "title", "Video call with Wilmer and the shelter case manager",
       "starts-at", day_at (loader, 2, "16:00"), "source", AMPARO_EVENT_SOURCE_MANUAL, NULL);
}

/* A Ms. L class member, separated in 2018 and reunified with her son. */
static void
add_class_member (Loader  *loader,
                  Public  *pub,
                  GError **error)
{
  AmparoPerson *mother, *son;

  mother = add_person (loader, error, "Dalia Marisol", "Fuentes Orellana", born (loader, 38, 200),
                       AMPARO_SEX_FEMALE, "HN", "spa",
                       "client-status", AMPARO_CLIENT_STATUS_ACTIVE, "a-number", "A 21-555-0103",
                       "intake-date", day (loader, -120), "program", "Ms. L settlement",
                       "assigned-staff", "J. Ramírez", NULL);
  son = add_person (loader, error, "Kevin Josué", "Fuentes Orellana", born (loader, 14, 30),
                    AMPARO_SEX_MALE, "HN", "spa",
                    "client-status", AMPARO_CLIENT_STATUS_ACTIVE, "a-number", "215550104",
                    "intake-date", day (loader, -120), "program", "Ms. L settlement",
                    "assigned-staff", "J. Ramírez", NULL);
  if (mother == NULL || son == NULL)
    return;

  add_relationship (loader, error, son, mother, AMPARO_RELATIONSHIP_KIND_PARENT,
                    AMPARO_VERIFICATION_DNA, AMPARO_REUNIFICATION_REUNIFIED,
                    "separation-date", "2018-05-20", "separation-place", "El Paso, Texas",
                    "separated-by", "CBP", "reunification-date", "2018-07-26",
                    "status-date", "2018-07-26", "tracing-consent", TRUE, NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (mother),
       "kind", AMPARO_LOCATION_KIND_SPONSOR_HOME, "city", "Riverside", "country", "US",
       "since", "2018-07-26", "source", "Client", NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (son),
       "kind", AMPARO_LOCATION_KIND_SPONSOR_HOME, "city", "Riverside", "country", "US",
       "since", "2018-07-26", "source", "Client", NULL);

  if (pub->ms_l != NULL)
    add (loader, error, AMPARO_TYPE_MEMBERSHIP, "person-id", id_of (mother),
         "litigation-id", id_of (pub->ms_l), "claim-status", AMPARO_CLAIM_STATUS_APPROVED,
         "separation-date", "2018-05-20", "benefits-start", day (loader, -170), NULL);

  add (loader, error, AMPARO_TYPE_PROCEEDING, "person-id", id_of (mother),
       "kind", AMPARO_PROCEEDING_KIND_AFFIRMATIVE_ASYLUM, "court", "Los Angeles Asylum Office",
       "status", AMPARO_PROCEEDING_STATUS_OPEN, "opened-on", day (loader, -100), NULL);
  add (loader, error, AMPARO_TYPE_EVENT, "person-id", id_of (mother),
       "kind", AMPARO_EVENT_KIND_INTERVIEW, "title", "Asylum interview",
       "starts-at", day_at (loader, 26, "08:30"), "place", "Los Angeles Asylum Office",
       "source", AMPARO_EVENT_SOURCE_COURT_NOTICE, NULL);
}

/* A boy who was in MPP with his mother, came in alone, lives with his aunt. */
static void
add_unaccompanied_minor (Loader  *loader,
                         Public  *pub,
                         GError **error)
{
  AmparoPerson *boy, *aunt;

  boy = add_person (loader, error, "Brayan Alexis", "Mejía Cruz", born (loader, 13, 75),
                    AMPARO_SEX_MALE, "SV", "spa",
                    "unaccompanied-minor", TRUE, "mpp-history", TRUE,
                    "client-status", AMPARO_CLIENT_STATUS_ACTIVE, "a-number", "220555105",
                    "aliases", "Brian Mejía",
                    "intake-date", day (loader, -90), "program", "Children's Representation Program",
                    "assigned-staff", "S. Okafor", NULL);
  aunt = add_person (loader, error, "Sonia Maribel", "Cruz Hernández", born (loader, 41, 10),
                     AMPARO_SEX_FEMALE, "SV", "spa",
                     "client-status", AMPARO_CLIENT_STATUS_NOT_CLIENT, NULL);
  if (boy == NULL || aunt == NULL)
    return;

  add_relationship (loader, error, boy, aunt, AMPARO_RELATIONSHIP_KIND_SPONSOR,
                    AMPARO_VERIFICATION_AGENCY_VERIFIED, AMPARO_REUNIFICATION_NOT_SEPARATED, NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (boy),
       "kind", AMPARO_LOCATION_KIND_SHELTER_MEXICO, "facility", "Migrant shelter (sample)",
       "city", "Tijuana", "country", "MX",
       "since", day (loader, -400), "until", day (loader, -130), "source", "Client", NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (boy),
       "kind", AMPARO_LOCATION_KIND_ORR_SHELTER, "facility", "Casa Ejemplo (sample shelter)",
       "city", "Los Angeles", "country", "US",
       "since", day (loader, -128), "until", day (loader, -95), "source", "ORR case file", NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (boy),
       "kind", AMPARO_LOCATION_KIND_SPONSOR_HOME, "city", "Santa Ana", "country", "US",
       "since", day (loader, -95), "source", "ORR release notice", NULL);
  add (loader, error, AMPARO_TYPE_CONTACT, "person-id", id_of (boy),
       "kind", AMPARO_CONTACT_KIND_PHONE, "value", "(714) 555-0135",
       "belongs-to", "Sonia (aunt and sponsor)", "country", "US",
       "last-verified", day (loader, -20), NULL);

  add (loader, error, AMPARO_TYPE_PROCEEDING, "person-id", id_of (boy),
       "kind", AMPARO_PROCEEDING_KIND_REMOVAL, "court", "Los Angeles Immigration Court",
       "status", AMPARO_PROCEEDING_STATUS_OPEN, "opened-on", day (loader, -95), NULL);
  add (loader, error, AMPARO_TYPE_PROCEEDING, "person-id", id_of (boy),
       "kind", AMPARO_PROCEEDING_KIND_SIJS, "court", "Orange County Superior Court",
       "status", AMPARO_PROCEEDING_STATUS_OPEN, "opened-on", day (loader, -60), NULL);
  add (loader, error, AMPARO_TYPE_EVENT, "person-id", id_of (boy),
       "kind", AMPARO_EVENT_KIND_FILING_DEADLINE, "title", "File the SIJS petition (I-360)",
       "starts-at", day (loader, 16), "source", AMPARO_EVENT_SOURCE_MANUAL, NULL);
  add (loader, error, AMPARO_TYPE_EVENT, "person-id", id_of (boy),
       "kind", AMPARO_EVENT_KIND_HEARING, "title", "Individual hearing",
       "starts-at", day_at (loader, 23, "13:00"), "place", "Los Angeles Immigration Court",
       "source", AMPARO_EVENT_SOURCE_EOIR_STATUS, NULL);
  if (pub->immdef != NULL)
    add (loader, error, AMPARO_TYPE_MEMBERSHIP, "person-id", id_of (boy),
         "litigation-id", id_of (pub->immdef), "claim-status", AMPARO_CLAIM_STATUS_PENDING, NULL);
}

/* A girl reunited with her grandparents. */
static void
add_reunified_family (Loader  *loader,
                      GError **error)
{
  AmparoPerson *girl, *grandfather, *grandmother;

  girl = add_person (loader, error, "Daniela Guadalupe", "Chávez Morales", born (loader, 12, 180),
                     AMPARO_SEX_FEMALE, "GT", "mam,spa",
                     "unaccompanied-minor", TRUE, "interpreter-needed", TRUE,
                     "client-status", AMPARO_CLIENT_STATUS_ACTIVE, "a-number", "220555106",
                     "intake-date", day (loader, -200), "assigned-staff", "S. Okafor", NULL);
  grandfather = add_person (loader, error, "Tomás", "Chávez Yax", born (loader, 63, 5),
                            AMPARO_SEX_MALE, "GT", "mam,spa",
                            "client-status", AMPARO_CLIENT_STATUS_NOT_CLIENT, NULL);
  grandmother = add_person (loader, error, "Petrona", "Morales de Chávez", born (loader, 60, 90),
                            AMPARO_SEX_FEMALE, "GT", "mam",
                            "client-status", AMPARO_CLIENT_STATUS_NOT_CLIENT, NULL);
  if (girl == NULL || grandfather == NULL || grandmother == NULL)
    return;

  add_relationship (loader, error, girl, grandfather, AMPARO_RELATIONSHIP_KIND_GRANDPARENT,
                    AMPARO_VERIFICATION_DOCUMENTED, AMPARO_REUNIFICATION_REUNIFIED,
                    "separation-date", day (loader, -260), "reunification-date", day (loader, -150),
                    "status-date", day (loader, -150), NULL);
  add_relationship (loader, error, girl, grandmother, AMPARO_RELATIONSHIP_KIND_GRANDPARENT,
                    AMPARO_VERIFICATION_DOCUMENTED, AMPARO_REUNIFICATION_REUNIFIED,
                    "separation-date", day (loader, -260), "reunification-date", day (loader, -150),
                    "status-date", day (loader, -150), NULL);
  add_relationship (loader, error, grandfather, grandmother, AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE,
                    AMPARO_VERIFICATION_CLAIMED, AMPARO_REUNIFICATION_NOT_SEPARATED,
                    "notes", "Spouses", NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (girl),
       "kind", AMPARO_LOCATION_KIND_SPONSOR_HOME, "city", "Los Angeles", "country", "US",
       "since", day (loader, -150), "source", "ORR release notice", NULL);
  add (loader, error, AMPARO_TYPE_EVENT, "person-id", id_of (girl),
       "kind", AMPARO_EVENT_KIND_CHECK_IN, "title", "Post-release check-in call",
       "starts-at", day (loader, 6), "source", AMPARO_EVENT_SOURCE_MANUAL, NULL);
}

/* Names the search and tracing tests look for. */
static void
add_search_examples (Loader  *loader,
                     GError **error)
{
  AmparoPerson *jose, *joselyn, *mother;

  jose = add_person (loader, error, "José", "Núñez Castillo", born (loader, 29, 300),
                     AMPARO_SEX_MALE, "MX", "spa",
                     "client-status", AMPARO_CLIENT_STATUS_ACTIVE, "a-number", "A-220-555-107",
                     "aliases", "Pepe Núñez", "intake-date", day (loader, -30),
                     "assigned-staff", "J. Ramírez", NULL);
  joselyn = add_person (loader, error, "Joselyn", "López", born (loader, 7, 100),
                        AMPARO_SEX_FEMALE, "GT", "kjb,spa",
                        "unaccompanied-minor", TRUE, "interpreter-needed", TRUE,
                        "client-status", AMPARO_CLIENT_STATUS_ACTIVE,
                        "intake-date", day (loader, -14), "assigned-staff", "M. Herrera", NULL);
  mother = add_person (loader, error, "Yesenia", "López Pascual", born (loader, 27, 10),
                       AMPARO_SEX_FEMALE, "GT", "kjb",
                       "birth-date-estimated", TRUE,
                       "client-status", AMPARO_CLIENT_STATUS_NOT_CLIENT, NULL);
  if (jose == NULL || joselyn == NULL || mother == NULL)
    return;

  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (jose),
       "kind", AMPARO_LOCATION_KIND_ICE_DETENTION, "facility", "Adelanto ICE Processing Center",
       "city", "Adelanto", "country", "US",
       "since", day (loader, -35), "source", "ICE detainee locator", NULL);
  add (loader, error, AMPARO_TYPE_EVENT, "person-id", id_of (jose),
       "kind", AMPARO_EVENT_KIND_HEARING, "title", "Bond hearing",
       "starts-at", day_at (loader, 9, "10:30"), "place", "Adelanto Immigration Court",
       "source", AMPARO_EVENT_SOURCE_EOIR_STATUS, NULL);
  add (loader, error, AMPARO_TYPE_EVENT, "person-id", id_of (jose),
       "kind", AMPARO_EVENT_KIND_APPEAL_DEADLINE, "title", "Last day to appeal to the BIA",
       "starts-at", day (loader, 33), "source", AMPARO_EVENT_SOURCE_MANUAL, NULL);

  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (joselyn),
       "kind", AMPARO_LOCATION_KIND_ORR_SHELTER, "facility", "Casa Ejemplo (sample shelter)",
       "city", "Los Angeles", "country", "US",
       "since", day (loader, -16), "source", "ORR case file", NULL);
  add (loader, error, AMPARO_TYPE_LOCATION, "person-id", id_of (mother),
       "kind", AMPARO_LOCATION_KIND_UNKNOWN, "since", day (loader, -16),
       "source", "Joselyn's account", NULL);
  add_relationship (loader, error, joselyn, mother, AMPARO_RELATIONSHIP_KIND_PARENT,
                    AMPARO_VERIFICATION_CLAIMED, AMPARO_REUNIFICATION_SEPARATED,
                    "separation-date", day (loader, -18), "separation-place", "Near Reynosa, Mexico",
                    "notes", "Joselyn says her mother was taken off the bus before the border.",
                    NULL);
  add (loader, error, AMPARO_TYPE_EVENT, "person-id", id_of (joselyn),
       "kind", AMPARO_EVENT_KIND_HEARING, "title", "Master calendar hearing",
       "starts-at", day_at (loader, 5, "09:00"), "place", "Los Angeles Immigration Court",
       "source", AMPARO_EVENT_SOURCE_COURT_NOTICE, NULL);
}

static gboolean
already_loaded (AmparoStore *store)
{
  g_autoptr(AmparoRecord) marker = amparo_store_get_by_uid (store, AMPARO_TYPE_LITIGATION,
                                                            SAMPLE_MARKER_UID, NULL);
  return marker != NULL;
}

/**
 * amparo_sample_data_load:
 * @store: an open store
 *
 * Adds the bilingual sample set (organization, two impact cases, two
 * press releases, five demands, and fictitious clients and families with
 * upcoming hearings) in one transaction. Loading it again adds nothing.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing added
 */
gboolean
amparo_sample_data_load (AmparoStore  *store,
                         GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  Public pub = { 0 };
  Loader loader;

  g_return_val_if_fail (AMPARO_IS_STORE (store), FALSE);

  if (already_loaded (store))
    return TRUE;

  loader.store = store;
  loader.strings = strings;
  loader.objects = objects;
  g_date_clear (&loader.today, 1);
  g_date_set_time_t (&loader.today, time (NULL));

  if (!amparo_store_begin (store, error))
    return FALSE;

  if (add_organization (&loader, &local))
    {
      add_litigation (&loader, &pub, &local);
      add_demands (&loader, &pub, &local);
      add_releases (&loader, &pub, &local);
      add_separated_family (&loader, &local);
      add_class_member (&loader, &pub, &local);
      add_unaccompanied_minor (&loader, &pub, &local);
      add_reunified_family (&loader, &local);
      add_search_examples (&loader, &local);
    }

  if (local != NULL)
    {
      amparo_store_rollback (store);
      g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                  _("Could not load the sample data: "));
      return FALSE;
    }
  return amparo_store_commit (store, error);
}
