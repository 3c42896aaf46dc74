using Microsoft.Extensions.DependencyInjection;

namespace NotifyHub.Notifications.Letters;

public static class LetterRegistration
{
    public static IServiceCollection AddLetters(this IServiceCollection services)
    {
        services.AddOptions<LetterOptions>().BindConfiguration(LetterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LetterPdfRenderer>();
        services.AddSingleton<LetterComposer>();
        services.AddScoped<LetterBatchCipher>();
        services.AddSingleton<ILetterPrintHouse, FileLetterPrintHouse>();
        return services;
    }
}
