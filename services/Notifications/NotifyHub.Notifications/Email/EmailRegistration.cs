using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NotifyHub.Notifications.Email;

public static class EmailRegistration
{
    /// <summary>SMTP when <c>NotifyHub:Email:Smtp:Host</c> is set, else <c>.eml</c> files. Singleton: one SMTP connection per process.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.IsConfigured
            ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<FileEmailSender>(sp));
        return services;
    }
}
