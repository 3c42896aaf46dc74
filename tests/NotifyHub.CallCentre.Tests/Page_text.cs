using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.CallCentre.Callbacks;
using NotifyHub.CallCentre.Cases;
using NotifyHub.Contracts;
using System.Collections;
using System.Globalization;
using System.Resources;

namespace NotifyHub.CallCentre.Tests;

/// <summary>The pages' text: every line in English, French and Japanese, and a text for every code a page shows.</summary>
public sealed class Page_text
{
    private static readonly ResourceManager Text = new("NotifyHub.CallCentre.Resources.CallCentreText", typeof(CallCentreText).Assembly);

    [Theory]
    [InlineData("fr")]
    [InlineData("ja")]
    public void Every_line_is_translated(string language)
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var translated = Keys(CultureInfo.GetCultureInfo(language));

        english.Except(translated).ShouldBeEmpty($"lines with no {language} text");
        translated.Except(english).ShouldBeEmpty($"{language} lines that English does not have");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ja")]
    public void Every_outcome_channel_status_and_category_has_a_name(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var keys = CaseActions.Outcomes.Select(o => "Outcome_" + o)
            .Concat(CaseActions.Channels.Select(c => "Channel_" + c))
            .Concat(WireCode<CaseStatus>.All.Select(s => "CaseStatus_" + s))
            .Concat(WireCode<CallbackStatus>.All.Select(s => "CallbackStatus_" + s))
            .Concat(DataCategories.All.Select(c => "Category_" + c))
            .Concat(["Problem_personal_data_in_note", "Problem_callback_in_past", "Problem_agent_blocked", "Problem_other"]);

        keys.Where(k => string.IsNullOrWhiteSpace(Text.GetString(k, culture))).ShouldBeEmpty();
    }

    private static HashSet<string> Keys(CultureInfo culture) =>
        [.. Text.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key)];
}
