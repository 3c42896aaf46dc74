using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// Reference codes printed on letters and typed into the portal: 15 random Crockford base32 symbols (75 bits) and
/// one check symbol, shown as <c>7KQ2-M9XD-4TPA-H3R8</c>.
/// <para>
/// The check symbol is c = α·h over GF(32), where h folds the symbols as h ← α·h + s (Horner's rule, α = x,
/// field polynomial x⁵+x²+1), so a valid code folds to zero. A single substitution changes the fold by αᵏ·δ ≠ 0;
/// swapping neighbours a,b changes it by αᵏ·(α+1)·(a+b) ≠ 0 for a ≠ b (α ≠ 1 and the field has no zero divisors),
/// including a swap with the check symbol. So every single typo and every adjacent swap is caught, and the
/// alphabet stays the 32 readable Crockford symbols (no <c>*~$=U</c> as Crockford's mod-37 check needs).
/// </para>
/// </summary>
public static class ReferenceCodes
{
    public const int DataSymbols = 15;
    public const int Length = DataSymbols + 1;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int FieldPolynomial = 0b100101;

    /// <summary>A new code, formatted in groups of four.</summary>
    public static string New()
    {
        Span<byte> random = stackalloc byte[DataSymbols];
        RandomNumberGenerator.Fill(random);
        Span<int> symbols = stackalloc int[Length];
        for (var i = 0; i < DataSymbols; i++)
        {
            symbols[i] = random[i] & 31;
        }

        symbols[DataSymbols] = Check(symbols[..DataSymbols]);
        return Format(symbols);
    }

    /// <summary>
    /// Reads what a person typed: case, spaces and hyphens do not matter, O reads as 0 and I, L as 1. True only
    /// when the check symbol agrees; <paramref name="canonical"/> is then the formatted code.
    /// </summary>
    public static bool TryParse(string? typed, [NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        if (typed is null)
        {
            return false;
        }

        Span<int> symbols = stackalloc int[Length];
        var count = 0;
        foreach (var c in typed)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            var value = Decode(c);
            if (value < 0 || count == Length)
            {
                return false;
            }

            symbols[count++] = value;
        }

        if (count != Length || Fold(symbols) != 0)
        {
            return false;
        }

        canonical = Format(symbols);
        return true;
    }

    public static bool IsValid(string? typed) => TryParse(typed, out _);

    private static int Check(ReadOnlySpan<int> data) => Multiply(2, Fold(data));

    private static int Fold(ReadOnlySpan<int> symbols)
    {
        var h = 0;
        foreach (var s in symbols)
        {
            h = Multiply(2, h) ^ s;
        }

        return h;
    }

    /// <summary>Multiplication in GF(2⁵).</summary>
    private static int Multiply(int a, int b)
    {
        var product = 0;
        while (b != 0)
        {
            if ((b & 1) != 0)
            {
                product ^= a;
            }

            b >>= 1;
            a <<= 1;
            if ((a & 32) != 0)
            {
                a ^= FieldPolynomial;
            }
        }

        return product;
    }

    private static int Decode(char c) => char.ToUpperInvariant(c) switch
    {
        'O' => 0,
        'I' or 'L' => 1,
        var u => Alphabet.IndexOf(u, StringComparison.Ordinal),
    };

    private static string Format(ReadOnlySpan<int> symbols)
    {
        Span<char> text = stackalloc char[Length + (Length / 4) - 1];
        var position = 0;
        for (var i = 0; i < symbols.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text[position++] = '-';
            }

            text[position++] = Alphabet[symbols[i]];
        }

        return new string(text);
    }
}
