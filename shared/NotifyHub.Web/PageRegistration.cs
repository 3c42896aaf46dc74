using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NotifyHub.Web.Localisation;
using System.Reflection;

namespace NotifyHub.Web;

/// <summary>
/// How a module serves pages: it calls <see cref="AddModulePages"/> from its <c>Register</c>; the host adds
/// <see cref="UseNotifyHubPages"/> before its endpoints and <see cref="MapNotifyHubPages"/> after them.
/// </summary>
public static class PageRegistration
{
    public const string SignInPath = "/console/sign-in";
    public const string SignOutPath = "/console/sign-out";
    public const string ForbiddenPath = "/console/forbidden";

    /// <summary>Serves the Razor pages compiled into <paramref name="moduleAssembly"/> under the shared layout.</summary>
    public static IServiceCollection AddModulePages(this IServiceCollection services, Assembly moduleAssembly)
    {
        var modules = services.FirstOrDefault(d => d.ServiceType == typeof(PageModules))?.ImplementationInstance as PageModules;
        if (modules is null)
        {
            modules = new PageModules();
            services.AddSingleton(modules);
            AddFoundation(services);
        }

        modules.Add(moduleAssembly);
        services.AddRazorPages().ConfigureApplicationPartManager(parts => KeepOnly(parts, modules));
        return services;
    }

    /// <summary>Assets, and the request's culture for pages (the API stays culture-neutral).</summary>
    public static WebApplication UseNotifyHubPages(this WebApplication app)
    {
        if (app.Services.GetService<PageModules>() is null)
        {
            return app;
        }

        app.UseStaticFiles(PageAssets.StaticFileOptions());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseRequestLocalization());
        return app;
    }

    public static IEndpointRouteBuilder MapNotifyHubPages(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<PageModules>() is not null)
        {
            endpoints.MapRazorPages();
        }

        return endpoints;
    }

    private static void AddFoundation(IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(UiCultures.Configure);
        services.AddHttpContextAccessor();
        // Japanese and French text as written, not as &#x...; entities (HTML-escaping of markup characters stays).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(
            o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new PasswordChangeFilter()));
        services.TryAddScoped<UserClock>();
        services.TryAddSingleton<Live.LiveFigures>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "NotifyHub.Antiforgery";
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });

        // The cookie half of the Identity schemes registered in BuildingBlocks: where pages send people.
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.AccessDeniedPath = ForbiddenPath;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            IdentityConstants.ApplicationScheme, PendingStepPages.RedirectRefusalsToTheStep);
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.HttpOnly = true);
    }

    private static void KeepOnly(ApplicationPartManager manager, PageModules modules)
    {
        foreach (var part in manager.ApplicationParts.ToList())
        {
            var assembly = part switch
            {
                AssemblyPart a => a.Assembly,
                CompiledRazorAssemblyPart c => c.Assembly,
                _ => null,
            };
            if (assembly is not null && !modules.Contains(assembly))
            {
                manager.ApplicationParts.Remove(part);
            }
        }

        foreach (var assembly in modules.All)
        {
            if (manager.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == assembly))
            {
                continue;
            }

            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                manager.ApplicationParts.Add(part);
            }
        }
    }
}
