// Routes each public path of the API (docs/architecture.md, each module's README) to the module that serves it; the routes and the module
// addresses are configuration (appsettings.json, overridden per deployment with ReverseProxy__Clusters__...).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/gateway/health");
app.MapReverseProxy();
await app.RunAsync();
