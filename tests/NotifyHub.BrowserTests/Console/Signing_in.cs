using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Staff;
using NotifyHub.Testing;
using NotifyHub.Web;

namespace NotifyHub.BrowserTests.Console;

[Collection(PagesCollection.Name)]
public sealed class Signing_in(PagesHost host)
{
    [Theory]
    [InlineData("en", "Sign in to NotifyHub")]
    [InlineData("fr", "Se connecter à NotifyHub")]
    [InlineData("ja", "NotifyHub にサインイン")]
    public async Task The_front_door_leads_to_a_sign_in_page_in_the_readers_language(string language, string heading)
    {
        var page = await host.NewPageAsync(language);
        await page.GotoAsync("/");

        page.Url.ShouldEndWith("/console/sign-in?ReturnUrl=%2Fconsole");
        (await page.TextContentAsync("h1")).ShouldBe(heading);
        (await page.GetAttributeAsync("html", "lang")).ShouldBe(language);
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"sign-in-{language}");
    }

    [Fact]
    public async Task A_privacy_officer_signs_in_and_reaches_the_console_home()
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var page = await host.NewPageAsync();

        await PagesHost.SignInAsync(page, account.Email, account.Password);

        page.Url.ShouldEndWith("/console");
        (await page.TextContentAsync("h1")).ShouldBe("NotifyHub console");
        (await page.TextContentAsync(".who")).ShouldBe(account.Email);
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync("console-home-en");
    }

    [Fact]
    public async Task A_wrong_password_is_reported_in_the_readers_language_next_to_the_field()
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var page = await host.NewPageAsync("ja");

        await PagesHost.SignInAsync(page, account.Email, "not-the-password");

        page.Url.ShouldContain("/console/sign-in");
        (await page.TextContentAsync(".error-summary a")).ShouldBe("メールアドレスまたはパスワードが正しくありません");
        (await page.GetAttributeAsync("#Email", "aria-invalid")).ShouldBe("true");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("sign-in-error-ja");
    }

    [Fact]
    public async Task The_language_switcher_changes_language_and_stays_on_the_page()
    {
        var page = await host.NewPageAsync("en");
        await page.GotoAsync("/console/sign-in");

        await page.ClickAsync("footer button[value=ja]");

        page.Url.ShouldEndWith("/console/sign-in");
        (await page.TextContentAsync("h1")).ShouldBe("NotifyHub にサインイン");
        await page.GotoAsync("/console/sign-in");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("ja", "the choice is kept in a cookie");
    }

    [Fact]
    public async Task An_account_with_two_factor_sign_in_is_asked_for_its_code()
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.Auditor);
        var key = await EnableTwoFactorAsync(account.Id);
        var page = await host.NewPageAsync();

        await PagesHost.SignInAsync(page, account.Email, account.Password);
        page.Url.ShouldContain("/console/sign-in/two-factor");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("two-factor-en");

        await page.FillAsync("#Code", "000000");
        await page.ClickAsync("main button[type=submit]");
        (await page.TextContentAsync(".error-summary a")).ShouldBe("The security code is not correct or has expired");

        await page.FillAsync("#Code", Totp.Code(key));
        await page.ClickAsync("main button[type=submit]");
        page.Url.ShouldEndWith("/console");
    }

    [Fact]
    public async Task An_account_on_a_one_time_password_must_change_it_before_anything_else()
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.Admin);
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(account.Id.ToString()))!;
            user.MustChangePassword = true; // as the bootstrap admin's one-time password is marked
            await users.UpdateAsync(user);
        }

        var page = await host.NewPageAsync("ja");
        await PagesHost.SignInAsync(page, account.Email, account.Password);
        page.Url.ShouldEndWith("/console/password");
        await page.GotoAsync("/console");
        page.Url.ShouldEndWith("/console/password"); // every other page sends it back
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync("change-password-forced-ja");

        const string newPassword = "Brand-new-Passw0rd!";
        await page.FillAsync("#CurrentPassword", account.Password);
        await page.FillAsync("#NewPassword", newPassword);
        await page.FillAsync("#ConfirmPassword", newPassword);
        await page.ClickAsync("main button[type=submit]");

        page.Url.ShouldEndWith("/console");
        (await page.TextContentAsync("[role=status]")).ShouldBe("パスワードを変更しました。");

        var again = await host.NewPageAsync();
        await PagesHost.SignInAsync(again, account.Email, newPassword);
        again.Url.ShouldEndWith("/console"); // the new password works, and the account is no longer held on the password page
    }

    [Fact]
    public async Task A_privacy_officer_turns_on_two_factor_sign_in_from_the_page_and_needs_the_code_next_time()
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var page = await host.NewPageAsync("fr");
        await PagesHost.SignInAsync(page, account.Email, account.Password);

        await page.GotoAsync("/console/two-factor");
        (await page.TextContentAsync("h1")).ShouldBe("Activer la connexion à deux facteurs");
        (await page.QuerySelectorAsync("svg.qr[role=img]")).ShouldNotBeNull();
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync("two-factor-enrol-fr");
        var key = (await page.TextContentAsync("code.key"))!.Replace(" ", "", StringComparison.Ordinal);

        await page.FillAsync("#Code", "000000");
        await page.ClickAsync("main button[type=submit]");
        (await page.TextContentAsync(".error-summary a")).ShouldNotBeNullOrWhiteSpace();
        (await page.TextContentAsync("code.key"))!.Replace(" ", "", StringComparison.Ordinal).ShouldBe(key, "a wrong code keeps the key scanned");

        await page.FillAsync("#Code", Totp.Code(key));
        await page.ClickAsync("main button[type=submit]");
        (await page.QuerySelectorAllAsync("ul.codes li")).Count.ShouldBe(10);
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/console");
        page.Url.ShouldEndWith("/console", Case.Sensitive, "the page signed the person in again after ending the old session");

        var again = await host.NewPageAsync();
        await PagesHost.SignInAsync(again, account.Email, account.Password);
        again.Url.ShouldContain("/console/sign-in/two-factor");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var page = await host.NewPageAsync();
        await PagesHost.SignInAsync(page, account.Email, account.Password);

        await page.ClickAsync("header .sign-out button");

        page.Url.ShouldContain("/console/sign-in");
        await page.GotoAsync("/console");
        page.Url.ShouldContain("/console/sign-in?ReturnUrl=");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var page = await host.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await PagesHost.SignInAsync(page, account.Email, "wrong-password-" + i);
        }

        await PagesHost.SignInAsync(page, account.Email, account.Password);

        (await page.TextContentAsync(".error-summary a") ?? "").ShouldStartWith("Too many failed attempts");
    }

    private async Task<string> EnableTwoFactorAsync(Guid userId)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(userId.ToString()))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }
}
