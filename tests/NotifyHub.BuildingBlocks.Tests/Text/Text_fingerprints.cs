using NotifyHub.BuildingBlocks.Text;

namespace NotifyHub.BuildingBlocks.Tests.Text;

/// <summary>What a module may say about a text without sending it: its numbers, counts of people and word hashes.</summary>
public sealed class Text_fingerprints
{
    [Fact]
    public void Counts_of_people_are_found_in_english_french_and_japanese()
    {
        TextFingerprint.PeopleCounts("It affected 1,200 Massachusetts residents.").ShouldBe([1200]);
        TextFingerprint.PeopleCounts("Environ 1 500 personnes sont concernées.").ShouldBe([1500]);
        TextFingerprint.PeopleCounts("約1,200人の情報が漏えいしました。").ShouldBe([1200]);
    }

    [Fact]
    public void Numbers_that_are_not_people_are_numbers_but_not_counts_of_people()
    {
        const string text = "We offer 18 months of credit monitoring. Call 0800 123 456 before 2027.";

        TextFingerprint.PeopleCounts(text).ShouldBeEmpty();
        TextFingerprint.Numbers(text).ShouldContain(18);
        TextFingerprint.Numbers(text).ShouldContain(2027);
    }

    [Fact]
    public void A_word_is_found_by_its_hash_whatever_its_case_and_the_text_is_not_in_the_hashes()
    {
        var hashes = TextFingerprint.WordHashes("A Ransomware attack encrypted our servers.");

        hashes.ShouldContain(TextFingerprint.Hash("ransomware"));
        hashes.ShouldContain(TextFingerprint.Hash("SERVERS"));
        hashes.ShouldNotContain(TextFingerprint.Hash("phishing"));
        hashes.Count.ShouldBe(5); // words of three letters or more, each once
    }
}
