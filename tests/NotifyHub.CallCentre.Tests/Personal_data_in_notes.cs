using NotifyHub.CallCentre.Support;

namespace NotifyHub.CallCentre.Tests;

public sealed class Personal_data_in_notes
{
    [Theory]
    [InlineData("Her email is someone@example.org")]
    [InlineData("Phone 0491 570 156")]
    [InlineData("Call +33 6 12 34 56 78 tomorrow")]
    [InlineData("Born 1981-03-14")]
    [InlineData("DOB 14/03/1981")]
    [InlineData("Birthday 14 March")]
    [InlineData("Born March 14th")]
    [InlineData("Card 4111-1111-1111-1111")]
    [InlineData("Account 12345678")]
    [InlineData("Code ABCD-1234-EFGH-5678")]
    [InlineData("Code 7K3MQ9XR2TBW4N6P")]
    public void Looks_personal(string text) => PersonalDataDetector.LooksPersonal(text).ShouldBeTrue();

    [Theory]
    [InlineData("Caller worried about the card category; explained the advice.")]
    [InlineData("This call went well and ended on day 2 of the campaign")]
    [InlineData("Resent the letter, asked to call back in 3 days")]
    [InlineData("Wants to talk to a supervisor about credit monitoring")]
    public void Ordinary_notes_pass(string text) => PersonalDataDetector.LooksPersonal(text).ShouldBeFalse();
}
