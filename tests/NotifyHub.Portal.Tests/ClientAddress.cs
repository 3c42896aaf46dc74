using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using System.Net;

namespace NotifyHub.Portal.Tests;

/// <summary>
/// The test server has no remote address; this sets one from the <c>X-Test-Client</c> header, so each test is its own
/// client and the per-address limit can be shown without one test's failures spilling into another's.
/// </summary>
internal sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
