namespace NotifyHub.Notifications.Tallies;

/// <summary>
/// The triggers that write <see cref="NoticeTally"/> and <see cref="NoticeHourTally"/> rows, created by the
/// <c>NoticeTallies</c> migration of each provider, which also counts the notifications already there. PostgreSQL
/// runs one trigger per statement over its transition tables, so a claim of 500 notifications writes a few tally rows,
/// not a thousand; SQLite (the embedded default, one writer) has row triggers only. An hour is written as
/// <c>yyyy-MM-dd HH</c> in UTC: PostgreSQL formats its timestamp, SQLite (which stores times as ISO text in UTC)
/// cuts the text after the hour.
/// </summary>
public static class TallyTriggers
{
    private static string PgHour(string row) => $"to_char({row}\"SentAt\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')";

    private static string SqliteHour(string row) => $"substr({row}\"SentAt\", 1, 13)";

    public static string PostgreSqlUp =>
        Function("tally_inserted_notices", [("entering", 1)])
        + Function("tally_updated_notices", [("leaving", -1), ("entering", 1)])
        + Function("tally_deleted_notices", [("leaving", -1)])
        + """
        CREATE TRIGGER notice_tallies_insert AFTER INSERT ON notifications.notifications
            REFERENCING NEW TABLE AS entering FOR EACH STATEMENT EXECUTE FUNCTION notifications.tally_inserted_notices();
        CREATE TRIGGER notice_tallies_update AFTER UPDATE ON notifications.notifications
            REFERENCING OLD TABLE AS leaving NEW TABLE AS entering FOR EACH STATEMENT EXECUTE FUNCTION notifications.tally_updated_notices();
        CREATE TRIGGER notice_tallies_delete AFTER DELETE ON notifications.notifications
            REFERENCING OLD TABLE AS leaving FOR EACH STATEMENT EXECUTE FUNCTION notifications.tally_deleted_notices();
        """
        + Seed("notifications.", PgHour(""));

    public const string PostgreSqlDown = """
        DROP TRIGGER notice_tallies_insert ON notifications.notifications;
        DROP TRIGGER notice_tallies_update ON notifications.notifications;
        DROP TRIGGER notice_tallies_delete ON notifications.notifications;
        DROP FUNCTION notifications.tally_inserted_notices();
        DROP FUNCTION notifications.tally_updated_notices();
        DROP FUNCTION notifications.tally_deleted_notices();
        """;

    public static string SqliteUp => $"""
        CREATE TRIGGER notice_tallies_insert AFTER INSERT ON notifications BEGIN
            INSERT INTO notice_tallies ("IncidentId", "Channel", "Status", "Delta") VALUES (NEW."IncidentId", NEW."Channel", NEW."Status", 1);
            INSERT INTO notice_hour_tallies ("IncidentId", "Channel", "Hour", "Delta")
                SELECT NEW."IncidentId", NEW."Channel", {SqliteHour("NEW.")}, 1 WHERE NEW."SentAt" IS NOT NULL;
        END;
        CREATE TRIGGER notice_tallies_status AFTER UPDATE OF "Status" ON notifications WHEN OLD."Status" IS NOT NEW."Status" BEGIN
            INSERT INTO notice_tallies ("IncidentId", "Channel", "Status", "Delta")
                VALUES (OLD."IncidentId", OLD."Channel", OLD."Status", -1), (NEW."IncidentId", NEW."Channel", NEW."Status", 1);
        END;
        CREATE TRIGGER notice_tallies_sent AFTER UPDATE OF "SentAt" ON notifications WHEN OLD."SentAt" IS NOT NEW."SentAt" BEGIN
            INSERT INTO notice_hour_tallies ("IncidentId", "Channel", "Hour", "Delta")
                SELECT OLD."IncidentId", OLD."Channel", {SqliteHour("OLD.")}, -1 WHERE OLD."SentAt" IS NOT NULL;
            INSERT INTO notice_hour_tallies ("IncidentId", "Channel", "Hour", "Delta")
                SELECT NEW."IncidentId", NEW."Channel", {SqliteHour("NEW.")}, 1 WHERE NEW."SentAt" IS NOT NULL;
        END;
        CREATE TRIGGER notice_tallies_delete AFTER DELETE ON notifications BEGIN
            INSERT INTO notice_tallies ("IncidentId", "Channel", "Status", "Delta") VALUES (OLD."IncidentId", OLD."Channel", OLD."Status", -1);
            INSERT INTO notice_hour_tallies ("IncidentId", "Channel", "Hour", "Delta")
                SELECT OLD."IncidentId", OLD."Channel", {SqliteHour("OLD.")}, -1 WHERE OLD."SentAt" IS NOT NULL;
        END;
        """ + Seed("", SqliteHour(""));

    public const string SqliteDown = """
        DROP TRIGGER notice_tallies_insert;
        DROP TRIGGER notice_tallies_status;
        DROP TRIGGER notice_tallies_sent;
        DROP TRIGGER notice_tallies_delete;
        """;

    /// <summary>A statement trigger's function: each transition table's rows counted with its sign, netted per key.</summary>
    private static string Function(string name, (string Table, int Sign)[] sources)
    {
        var statuses = string.Join(" UNION ALL ", sources.Select(s =>
            $"SELECT \"IncidentId\", \"Channel\", \"Status\", {s.Sign} AS d FROM {s.Table}"));
        var hours = string.Join(" UNION ALL ", sources.Select(s =>
            $"SELECT \"IncidentId\", \"Channel\", {PgHour("")} AS h, {s.Sign} AS d FROM {s.Table} WHERE \"SentAt\" IS NOT NULL"));
        return $"""
            CREATE FUNCTION notifications.{name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO notifications.notice_tallies ("IncidentId", "Channel", "Status", "Delta")
                    SELECT "IncidentId", "Channel", "Status", sum(d) FROM ({statuses}) c GROUP BY 1, 2, 3 HAVING sum(d) <> 0;
                INSERT INTO notifications.notice_hour_tallies ("IncidentId", "Channel", "Hour", "Delta")
                    SELECT "IncidentId", "Channel", h, sum(d) FROM ({hours}) c GROUP BY 1, 2, 3 HAVING sum(d) <> 0;
                RETURN NULL;
            END $$;

            """;
    }

    /// <summary>The notifications that exist when the triggers are created, counted once.</summary>
    private static string Seed(string schema, string hour) => $"""

        INSERT INTO {schema}notice_tallies ("IncidentId", "Channel", "Status", "Delta")
            SELECT "IncidentId", "Channel", "Status", count(*) FROM {schema}notifications GROUP BY "IncidentId", "Channel", "Status";
        INSERT INTO {schema}notice_hour_tallies ("IncidentId", "Channel", "Hour", "Delta")
            SELECT "IncidentId", "Channel", {hour}, count(*) FROM {schema}notifications WHERE "SentAt" IS NOT NULL
            GROUP BY "IncidentId", "Channel", {hour};
        """;
}
