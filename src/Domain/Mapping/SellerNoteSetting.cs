namespace ServerlessSync.Domain.Mapping;

/// <summary>Whether and how the ERP order number is written back to the platform order as the seller's note.</summary>
public enum SellerNoteMode
{
    /// <summary>The default: <see cref="SellerNoteSetting.DefaultTemplate"/> is written.</summary>
    On = 0,

    Off = 1,

    /// <summary>The shop's own <see cref="SellerNoteSetting.Template"/> is written.</summary>
    Template = 2,
}

/// <summary>
/// A shop's seller-note write-back (mapping profile <c>sellerNote</c>). The text is the template with
/// <see cref="Placeholder"/> replaced by the ERP order number; without a profile entry it is <c>ERP:{erpOrderNumber}</c>.
/// </summary>
public sealed record SellerNoteSetting(SellerNoteMode Mode = SellerNoteMode.On, string? Template = null)
{
    public const string Placeholder = "{erpOrderNumber}";
    public const string DefaultTemplate = "ERP:" + Placeholder;

    /// <summary>Shorter than every platform's limit (抖店 60 characters) with room for a long ERP number.</summary>
    public const int MaxTemplateChars = 40;

    public static readonly SellerNoteSetting Default = new();

    /// <summary>The note for <paramref name="erpOrderNumber"/>, or null when the shop writes none.</summary>
    public string? TextFor(string erpOrderNumber) => Mode switch
    {
        SellerNoteMode.Off => null,
        SellerNoteMode.Template when !string.IsNullOrWhiteSpace(Template) => Template.Replace(Placeholder, erpOrderNumber, StringComparison.Ordinal),
        _ => DefaultTemplate.Replace(Placeholder, erpOrderNumber, StringComparison.Ordinal),
    };

    public IEnumerable<ProfileError> Problems()
    {
        if (!Enum.IsDefined(Mode))
        {
            yield return new ProfileError("$.sellerNote.mode", "must be On, Off or Template");
        }

        if (Mode != SellerNoteMode.Template)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Template) || !Template.Contains(Placeholder, StringComparison.Ordinal))
        {
            yield return new ProfileError("$.sellerNote.template", $"a template must contain {Placeholder}");
        }
        else if (Template.Length > MaxTemplateChars)
        {
            yield return new ProfileError("$.sellerNote.template", $"must be at most {MaxTemplateChars} characters");
        }
    }
}
