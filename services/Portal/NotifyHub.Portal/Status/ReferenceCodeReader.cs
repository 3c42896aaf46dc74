using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NotifyHub.Portal.Status;

/// <summary>
/// Reads a reference code as people type it: with or without dashes or spaces, any case, O for 0 and I or L for 1,
/// and in full-width characters (NFKC folds ０１２ and ＡＢＣ to ASCII). The check symbol must agree, as intake made it:
/// the same rules as intake's <c>ReferenceCodes.TryParse</c>, repeated here because a module may not reference another.
/// </summary>
public static class ReferenceCodeReader
{
    public const int MaxTypedLength = 64;
    private const int Length = 16;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int FieldPolynomial = 0b100101;

    public static bool TryRead(string? typed, [NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxTypedLength)
        {
            return false;
        }

        string folded;
        try
        {
            folded = typed.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return false; // Lone surrogates: not a code.
        }

        Span<int> symbols = stackalloc int[Length];
        var count = 0;
        foreach (var c in folded)
        {
            // Dashes of every script people paste (hyphen, en dash, minus, katakana long mark) and spaces.
            if (c is ' ' or '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\u30FC' or '\u00A0' or '\u3000')
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

        var text = new StringBuilder(Length + 3);
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append('-');
            }

            text.Append(Alphabet[symbols[i]]);
        }

        canonical = text.ToString();
        return true;
    }

    private static int Fold(ReadOnlySpan<int> symbols)
    {
        var h = 0;
        foreach (var s in symbols)
        {
            h = Multiply(2, h) ^ s;
        }

        return h;
    }

    /// <summary>Multiplication in GF(2⁵), as intake's check symbol uses.</summary>
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
}
