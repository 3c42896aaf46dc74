using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.BuildingBlocks.Web;
using System.Security.Claims;
using System.Text;

namespace NotifyHub.Intake.Imports;

public static class ImportsApi
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportSpools>();
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportResumption>();
        services.AddSingleton<ImportProcessor>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportRunner>());
        return services;
    }

    public static IEndpointRouteBuilder MapImportsApiV1(this IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapGroup("/api/v1/incidents/{incidentId:guid}/imports")
            .WithTags("Imports")
            .RequireAuthorization(Roles.PrivacyOfficer);
        // No generic body limit: the import's own (IntakeOptions.MaxImportBytes) is enforced while spooling, with its own code.
        imports.MapPost("/", StartAsync).WithName("StartImport").WithMetadata(new RequestBodyLimit.Metadata(null));
        imports.MapGet("/", ListAsync).WithName("ListImports");
        imports.MapGet("/{importId:guid}", GetAsync).WithName("GetImport");
        imports.MapGet("/{importId:guid}/errors", ErrorsAsync).WithName("GetImportErrors");
        return endpoints;
    }

    /// <summary>The body is the file, read as a stream (never bound or buffered), up to <see cref="IntakeOptions.MaxImportBytes"/>.</summary>
    private static async Task<Accepted<ImportStarted>> StartAsync(Guid incidentId, string? encoding, HttpContext http, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        var id = await mediator.Send(new StartImport(incidentId, http.Request.ContentType, encoding, http.Request.Body,
            user.ActorId(), http.Request.ContentLength), ct);
        return TypedResults.Accepted($"/api/v1/incidents/{incidentId}/imports/{id}", new ImportStarted(id));
    }

    private static async Task<Ok<Paged<ImportStatus>>> ListAsync(Guid incidentId, int? skip, int? take, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListImports(incidentId, PageRequest.From(skip, take)), ct));

    private static async Task<Ok<ImportStatus>> GetAsync(Guid incidentId, Guid importId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetImport(incidentId, importId), ct));

    /// <summary><c>line,column,code,message</c>, streamed; messages describe the problem, never the value.</summary>
    private static Task ErrorsAsync(Guid incidentId, Guid importId, HttpContext http, IMediator mediator, CancellationToken ct) =>
        WriteErrorsAsync(incidentId, importId, http, mediator, ct);

    /// <summary>Also the import page's download, so both give the same file.</summary>
    internal static async Task WriteErrorsAsync(Guid incidentId, Guid importId, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var issues = await mediator.Send(new GetImportIssues(incidentId, importId), ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"import-{importId}-errors.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
        await writer.WriteAsync("line,column,code,message\n");
        await foreach (var issue in issues.WithCancellation(ct))
        {
            await writer.WriteAsync($"{issue.Line},{Csv(issue.Column)},{Csv(issue.Code)},{Csv(issue.Message)}\n");
        }
    }

    /// <summary>
    /// A cell a spreadsheet shows as text: one starting like a formula (<c>= + - @</c>, tab, CR, or their full-width
    /// forms) gets a leading apostrophe, the usual way to stop Excel and LibreOffice running it; then RFC 4180 quoting.
    /// </summary>
    internal static string Csv(string value)
    {
        if (value.Length > 0 && "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    public sealed record ImportStarted(Guid ImportId);
}
