using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using System.Net;

namespace NotifyHub.Notifications.Sms;

public static class SmsRegistration
{
    /// <summary>Twilio when <c>NotifyHub:Sms:Twilio:AccountSid</c> is set, else JSON files; options checked at start.</summary>
    public static IServiceCollection AddSms(this IServiceCollection services)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();

        services.AddHttpClient<TwilioSmsSender>((sp, client) =>
            {
                var twilio = sp.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio;
                client.BaseAddress = new Uri(twilio.BaseUrl.ToString().TrimEnd('/') + "/");
                // The resilience handler's own timeout bounds each attempt; this one only bounds the whole retry sequence.
                client.Timeout = twilio.Timeout * (twilio.MaxRetries + 2);
            })
            .AddResilienceHandler("twilio", (pipeline, context) =>
            {
                var twilio = context.ServiceProvider.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio;
                if (twilio.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = twilio.MaxRetries,
                        Delay = twilio.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                    });
                }

                pipeline.AddTimeout(twilio.Timeout);
            });

        services.AddTransient<FileSmsSender>();
        services.AddTransient<ISmsSender>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio.IsConfigured
            ? sp.GetRequiredService<TwilioSmsSender>()
            : sp.GetRequiredService<FileSmsSender>());
        services.AddScoped<TwilioStatusCallbacks>();
        return services;
    }

    // A 429 or 5xx means Twilio did not take the message (or is unsure); a 4xx answer will not change on retry.
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };
}
