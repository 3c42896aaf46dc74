using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NotifyHub.BrowserTests.Notifications;

/// <summary>
/// A privacy officer registers a print house with the certificate its batches are encrypted to, after a key that
/// cannot be read is refused beside its field, and revokes it by typing its name.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class Registering_a_print_house(PagesHost host)
{
    [Theory]
    [InlineData("en", "Revoked")]
    [InlineData("ja", "取消済み")]
    public async Task A_print_house_is_registered_with_its_certificate_and_revoked_by_typing_its_name(string language, string revoked)
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, account.Email, account.Password);
        var name = $"Mailing house {Guid.NewGuid():N}"[..24];

        await page.GotoAsync("/console/print-houses");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"print-houses-{language}");

        // A key that is not a certificate: said beside the field, the name typed stays, nothing registered.
        await page.FillAsync("#Name", name);
        await page.SelectOptionAsync("#KeyKind", "x509");
        await page.FillAsync("#PublicKey", "-----BEGIN CERTIFICATE-----\nbm90IGEga2V5\n-----END CERTIFICATE-----");
        await page.ClickAsync("main form.stack button[type=submit]");
        (await page.GetAttributeAsync("#PublicKey", "aria-invalid")).ShouldBe("true");
        (await page.InputValueAsync("#Name")).ShouldBe(name);
        (await page.Locator($"td:has-text('{name}')").CountAsync()).ShouldBe(0);
        await page.AssertAccessibleAsync();

        await page.FillAsync("#PublicKey", CertificatePem());
        await page.ClickAsync("main form.stack button[type=submit]");
        var row = page.Locator("tr", new() { Has = page.Locator($"td:has-text('{name}')") });
        (await row.CountAsync()).ShouldBe(1);
        (await row.Locator("code").TextContentAsync() ?? "").Length.ShouldBeGreaterThan(10, "the certificate's fingerprint is shown");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"print-house-registered-{language}");

        // Revoking needs the name typed: a wrong one is refused and the print house stays active.
        await row.Locator("input[name=Confirmation]").FillAsync("not the name");
        await row.Locator("button[type=submit]").ClickAsync();
        (await page.Locator(".error-summary").CountAsync()).ShouldBe(1);
        row = page.Locator("tr", new() { Has = page.Locator($"td:has-text('{name}')") });
        (await row.Locator(".status-revoked").CountAsync()).ShouldBe(0);

        await row.Locator("input[name=Confirmation]").FillAsync(name);
        await row.Locator("button[type=submit]").ClickAsync();
        row = page.Locator("tr", new() { Has = page.Locator($"td:has-text('{name}')") });
        (await row.Locator(".status-revoked").TextContentAsync()).ShouldBe(revoked);
        await page.AssertAccessibleAsync();
    }

    private static string CertificatePem()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Mailing house", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return certificate.ExportCertificatePem();
    }
}
