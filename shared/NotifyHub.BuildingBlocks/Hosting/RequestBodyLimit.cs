using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.BuildingBlocks.Hosting;

/// <summary>
/// The body limit of the endpoint (its <see cref="IRequestSizeLimitMetadata"/>, else <see cref="HttpLimitsOptions"/>):
/// a declared <c>Content-Length</c> over it is refused at once with 413 problem+json; a chunked body is cut by the
/// server (Kestrel) at the same limit, which is set on the request here.
/// </summary>
public static class RequestBodyLimit
{
    public const string Code = "request_too_large";

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared
                ? declared.MaxRequestBodySize
                : context.RequestServices.GetRequiredService<IOptions<HttpLimitsOptions>>().Value.MaxRequestBodyBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (limit is { } max && context.Request.ContentLength > max)
            {
                throw TooLarge(max);
            }

            return next(context);
        });

    public static ProblemException TooLarge(long max) =>
        new(ProblemKind.TooLarge, Code, "The request body is too large",
            $"The body is larger than {max} bytes, the limit of this endpoint.");

    /// <summary>Endpoint metadata: this endpoint takes bodies up to <see cref="MaxRequestBodySize"/> bytes (null: no limit).</summary>
    public sealed class Metadata(long? maxRequestBodySize) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = maxRequestBodySize;
    }
}
