using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Imports;

namespace NotifyHub.Intake.Pages.Imports;

/// <summary>
/// The upload form's target. The file is the affected list itself, so it is streamed section by section straight into
/// the import (which spools it encrypted): never buffered to a plain temporary file as form binding would. The
/// antiforgery token is the form's first section and is checked before a byte of the file is read.
/// </summary>
public static class ImportUpload
{
    private const int MaxFieldLength = 4096;

    public static IEndpointRouteBuilder MapImportUpload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/console/incidents/{incidentId:guid}/imports", UploadAsync)
            .RequireAuthorization(Roles.PrivacyOfficer)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(Guid incidentId, HttpContext http, IAntiforgery antiforgery,
        IMediator mediator, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) ||
            HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 } boundary)
        {
            return Results.BadRequest();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var reader = new MultipartReader(boundary.Value!, http.Request.Body);
        string? encoding = null;
        var checkedToken = false;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (disposition.IsFileDisposition())
            {
                if (!checkedToken)
                {
                    return Results.BadRequest();
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
                if (fileName.Length == 0)
                {
                    break;
                }

                return await StartAsync(incidentId, http, mediator, ContentTypeOf(fileName), encoding, section.Body, ct);
            }

            var value = await ReadFieldAsync(section.Body, ct);
            switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
            {
                case "__RequestVerificationToken":
                    // The antiforgery service reads the header before the form: give it the token from there.
                    http.Request.Headers["RequestVerificationToken"] = value;
                    try
                    {
                        await antiforgery.ValidateRequestAsync(http);
                    }
                    catch (AntiforgeryValidationException)
                    {
                        return Results.BadRequest();
                    }

                    checkedToken = true;
                    break;
                case "encoding":
                    encoding = string.IsNullOrWhiteSpace(value) ? null : value;
                    break;
            }
        }

        return Results.Redirect($"/console/incidents/{incidentId}/imports/new?error=no_file");
    }

    private static async Task<IResult> StartAsync(Guid incidentId, HttpContext http, IMediator mediator, string contentType,
        string? encoding, Stream body, CancellationToken ct)
    {
        try
        {
            var id = await mediator.Send(new StartImport(incidentId, contentType, encoding, body, http.User.ActorId()), ct);
            return Results.Redirect($"/console/incidents/{incidentId}/imports/{id}");
        }
        catch (ProblemException e) when (e.Kind != ProblemKind.NotFound)
        {
            return Results.Redirect($"/console/incidents/{incidentId}/imports/new?error={Uri.EscapeDataString(e.Code)}");
        }
    }

    private static string ContentTypeOf(string fileName) =>
        Path.GetExtension(fileName).ToUpperInvariant() is ".NDJSON" or ".JSONL" ? "application/x-ndjson" : "text/csv";

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body);
        var buffer = new char[MaxFieldLength];
        var read = await reader.ReadBlockAsync(buffer, ct);
        return new string(buffer, 0, read);
    }
}
