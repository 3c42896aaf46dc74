using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports.Parsing;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// Takes an uploaded file: spools it (encrypted), checks that it can be read at all (format, encoding, header),
/// records the import and queues it. A file that cannot be read fails here with a problem response and nothing
/// is written.
/// </summary>
public sealed record StartImport(Guid IncidentId, string? ContentType, string? Encoding, Stream Body, string Actor, long? ContentLength = null)
    : ICommand<Guid>;

public sealed class StartImportHandler(IntakeDbContext db, ImportRunner runner, ImportSpools spools,
    IOptions<IntakeOptions> options, CurrentActor actor, TimeProvider clock)
    : ICommandHandler<StartImport, Guid>
{
    public async ValueTask<Guid> Handle(StartImport command, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == command.IncidentId, cancellationToken)
            ?? throw ProblemException.NotFound("Incident", command.IncidentId);
        if (incident.ClosedAt is not null)
        {
            throw ProblemException.Conflict("incident_closed", "The incident is closed: it takes no more imports.");
        }

        var format = Format(command.ContentType);
        var encodingName = command.Encoding ?? Charset(command.ContentType);
        if (ImportEncodings.Resolve(encodingName, []) is null)
        {
            throw ProblemException.Invalid("unsupported_encoding",
                $"Unknown encoding. Use one of: {string.Join(", ", ImportEncodings.Names)} (default utf-8).");
        }

        var max = options.Value.MaxImportBytes;
        if (command.ContentLength > max)
        {
            throw TooLarge(max);
        }

        var importId = Guid.CreateVersion7();
        var spool = await spools.WriteAsync(importId, command.Body, max, cancellationToken) ?? throw TooLarge(max);
        ImportSpoolReader? content = null;
        try
        {
            if (spool.Length == 0)
            {
                throw new ImportFileException("empty_file", "The request body is empty: send the file as the body.");
            }

            content = spool.OpenRead();
            var buffer = new CharBuffer(content, ImportEncodings.Resolve(encodingName, spool.Head)!);
            RowSource source = format == "csv" ? new CsvRowSource(buffer) : new NdjsonRowSource(buffer);
            source.Open();

            var import = new ImportJob
            {
                Id = importId,
                IncidentId = incident.Id,
                Format = format,
                Encoding = encodingName?.ToLowerInvariant() ?? "utf-8",
                StartedAt = clock.GetUtcNow(),
                CreatedBy = command.Actor,
            };
            db.Imports.Add(import);
            db.Audit(actor.Stamp(new AuditEvent(PrivilegedActions.ImportStarted, AuditOutcomes.Done)
            {
                SubjectId = import.Id,
                Details = new Dictionary<string, string>
                {
                    ["incident_id"] = incident.Id.ToString(),
                    ["format"] = import.Format,
                    ["encoding"] = import.Encoding,
                    ["bytes"] = spool.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            }));
            await db.SaveChangesAsync(cancellationToken);
            runner.Enqueue(new ImportWork(import.Id, incident.Id, incident.DataCategories, source, content, SkipRows: 0, spool.Length));
            return import.Id;
        }
        catch (ImportFileException e)
        {
            content?.Dispose();
            await spools.DestroyAsync(importId);
            throw ProblemException.Invalid(e.Code, e.Message);
        }
        catch
        {
            content?.Dispose();
            await spools.DestroyAsync(importId);
            throw;
        }
    }

    private static ProblemException TooLarge(long max) => new(ProblemKind.TooLarge, "import_too_large", "The file is too large",
        $"The file is larger than {max} bytes (NotifyHub:Intake:MaxImportBytes): split it into several imports.");

    private static string Format(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "text/csv" or "application/csv" => "csv",
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" => "ndjson",
            _ => throw new ProblemException(ProblemKind.Unsupported, "unsupported_content_type", "Unsupported media type",
                "Send the file as text/csv or application/x-ndjson."),
        };
    }

    /// <summary>A <c>charset</c> parameter of the content type, used when <c>?encoding=</c> is absent.</summary>
    private static string? Charset(string? contentType) =>
        contentType?.Split(';').Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim().Trim('"')).FirstOrDefault();
}
