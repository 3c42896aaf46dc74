namespace NotifyHub.CallCentre.Notifications;

/// <summary>
/// The triggers on the notification history that write <see cref="NoticeDayTally"/> rows, created by the
/// <c>NoticeDayTallies</c> migration of each provider, which also counts the rows already there. Send times are UTC
/// ticks (<c>Timestamps</c>), so a day is the ticks divided by 864,000,000,000. PostgreSQL runs one trigger per
/// statement over its transition tables (a batch of 100 events writes a few tally rows); SQLite has row triggers.
/// </summary>
public static class NoticeDayTallyTriggers
{
    private const string TicksPerDay = "864000000000";

    public static string PostgreSqlUp =>
        Function("tally_inserted_history", [("entering", 1)])
        + Function("tally_updated_history", [("leaving", -1), ("entering", 1)])
        + Function("tally_deleted_history", [("leaving", -1)])
        + """
        CREATE TRIGGER notice_day_tallies_insert AFTER INSERT ON callcentre.person_notifications
            REFERENCING NEW TABLE AS entering FOR EACH STATEMENT EXECUTE FUNCTION callcentre.tally_inserted_history();
        CREATE TRIGGER notice_day_tallies_update AFTER UPDATE ON callcentre.person_notifications
            REFERENCING OLD TABLE AS leaving NEW TABLE AS entering FOR EACH STATEMENT EXECUTE FUNCTION callcentre.tally_updated_history();
        CREATE TRIGGER notice_day_tallies_delete AFTER DELETE ON callcentre.person_notifications
            REFERENCING OLD TABLE AS leaving FOR EACH STATEMENT EXECUTE FUNCTION callcentre.tally_deleted_history();
        """
        + Seed("callcentre.");

    public const string PostgreSqlDown = """
        DROP TRIGGER notice_day_tallies_insert ON callcentre.person_notifications;
        DROP TRIGGER notice_day_tallies_update ON callcentre.person_notifications;
        DROP TRIGGER notice_day_tallies_delete ON callcentre.person_notifications;
        DROP FUNCTION callcentre.tally_inserted_history();
        DROP FUNCTION callcentre.tally_updated_history();
        DROP FUNCTION callcentre.tally_deleted_history();
        """;

    public static string SqliteUp => $"""
        CREATE TRIGGER notice_day_tallies_insert AFTER INSERT ON person_notifications BEGIN
            INSERT INTO notice_day_tallies ("IncidentId", "Day", "Delta") VALUES (NEW."IncidentId", NEW."SentAt" / {TicksPerDay}, 1);
        END;
        CREATE TRIGGER notice_day_tallies_update AFTER UPDATE OF "IncidentId", "SentAt" ON person_notifications
            WHEN OLD."IncidentId" IS NOT NEW."IncidentId" OR OLD."SentAt" / {TicksPerDay} IS NOT NEW."SentAt" / {TicksPerDay} BEGIN
            INSERT INTO notice_day_tallies ("IncidentId", "Day", "Delta")
                VALUES (OLD."IncidentId", OLD."SentAt" / {TicksPerDay}, -1), (NEW."IncidentId", NEW."SentAt" / {TicksPerDay}, 1);
        END;
        CREATE TRIGGER notice_day_tallies_delete AFTER DELETE ON person_notifications BEGIN
            INSERT INTO notice_day_tallies ("IncidentId", "Day", "Delta") VALUES (OLD."IncidentId", OLD."SentAt" / {TicksPerDay}, -1);
        END;
        """ + Seed("");

    public const string SqliteDown = """
        DROP TRIGGER notice_day_tallies_insert;
        DROP TRIGGER notice_day_tallies_update;
        DROP TRIGGER notice_day_tallies_delete;
        """;

    /// <summary>A statement trigger's function: each transition table's rows counted with its sign, netted per day.</summary>
    private static string Function(string name, (string Table, int Sign)[] sources)
    {
        var rows = string.Join(" UNION ALL ", sources.Select(s =>
            $"SELECT \"IncidentId\", \"SentAt\" / {TicksPerDay} AS day, {s.Sign} AS d FROM {s.Table}"));
        return $"""
            CREATE FUNCTION callcentre.{name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO callcentre.notice_day_tallies ("IncidentId", "Day", "Delta")
                    SELECT "IncidentId", day, sum(d) FROM ({rows}) c GROUP BY 1, 2 HAVING sum(d) <> 0;
                RETURN NULL;
            END $$;

            """;
    }

    /// <summary>The history that exists when the triggers are created, counted once.</summary>
    private static string Seed(string schema) => $"""

        INSERT INTO {schema}notice_day_tallies ("IncidentId", "Day", "Delta")
            SELECT "IncidentId", "SentAt" / {TicksPerDay}, count(*) FROM {schema}person_notifications
            GROUP BY "IncidentId", "SentAt" / {TicksPerDay};
        """;
}
