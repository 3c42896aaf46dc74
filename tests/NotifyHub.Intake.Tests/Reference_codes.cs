using NotifyHub.Intake.Imports;

namespace NotifyHub.Intake.Tests;

/// <summary>Property tests over many random codes: every single typo and every adjacent swap is caught.</summary>
public sealed class Reference_codes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Fact]
    public void New_codes_are_grouped_Crockford_base32_with_75_random_bits_and_valid()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => ReferenceCodes.New()).ToList();

        codes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$"));
        codes.ShouldAllBe(c => ReferenceCodes.IsValid(c));
        codes.Distinct().Count().ShouldBe(codes.Count);
    }

    [Fact]
    public void Every_single_substitution_is_detected()
    {
        for (var n = 0; n < 300; n++)
        {
            var symbols = ReferenceCodes.New().Replace("-", "", StringComparison.Ordinal).ToCharArray();
            for (var i = 0; i < symbols.Length; i++)
            {
                foreach (var replacement in Alphabet.Where(c => c != symbols[i]))
                {
                    var typo = (char[])symbols.Clone();
                    typo[i] = replacement;
                    ReferenceCodes.IsValid(new string(typo)).ShouldBeFalse($"{new string(symbols)} → {new string(typo)}");
                }
            }
        }
    }

    [Fact]
    public void Every_adjacent_transposition_is_detected_including_with_the_check_symbol()
    {
        for (var n = 0; n < 3000; n++)
        {
            var symbols = ReferenceCodes.New().Replace("-", "", StringComparison.Ordinal).ToCharArray();
            for (var i = 0; i + 1 < symbols.Length; i++)
            {
                if (symbols[i] == symbols[i + 1])
                {
                    continue;
                }

                var swapped = (char[])symbols.Clone();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                ReferenceCodes.IsValid(new string(swapped)).ShouldBeFalse($"{new string(symbols)} → {new string(swapped)}");
            }
        }
    }

    [Fact]
    public void What_a_person_types_is_read_leniently()
    {
        var code = ReferenceCodes.New();
        var typed = $"  {code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal).Replace('0', 'o').Replace('1', 'l')} ";

        ReferenceCodes.TryParse(typed, out var canonical).ShouldBeTrue();
        canonical.ShouldBe(code);
        ReferenceCodes.IsValid(code[..^1]).ShouldBeFalse();
        ReferenceCodes.IsValid(code + "0").ShouldBeFalse();
        ReferenceCodes.IsValid(code.Replace(code[0], 'U')).ShouldBeFalse();
    }
}
