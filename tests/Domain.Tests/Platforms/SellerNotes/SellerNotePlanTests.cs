using ServerlessSync.Domain.Platforms.SellerNotes;

namespace ServerlessSync.Domain.Tests.Platforms.SellerNotes;

public sealed class SellerNotePlanTests
{
    private static readonly SellerNoteLimit Replaces60 = new(60);

    [Fact]
    public void An_empty_note_gets_our_text_alone()
    {
        Assert.Equal(new SellerNotePlan(SellerNoteStep.Write, "ERP:SO-1", null), SellerNotePlan.For(null, "ERP:SO-1", Replaces60));
        Assert.Equal(new SellerNotePlan(SellerNoteStep.Write, "ERP:SO-1", null), SellerNotePlan.For("  ", "ERP:SO-1", Replaces60));
    }

    [Fact]
    public void A_persons_note_is_kept_in_front_of_ours_where_the_api_replaces_the_note()
    {
        Assert.Equal("送红色礼盒 ERP:SO-1", SellerNotePlan.For("送红色礼盒\n", "ERP:SO-1", Replaces60).Text);
    }

    [Fact]
    public void Where_the_api_adds_a_note_ours_is_sent_alone()
    {
        Assert.Equal("ERP:SO-1", SellerNotePlan.For("客户要求周末送达", "ERP:SO-1", new SellerNoteLimit(200, Appends: true)).Text);
    }

    [Fact]
    public void A_note_already_carrying_our_text_needs_nothing()
    {
        Assert.Equal(SellerNoteStep.AlreadyThere, SellerNotePlan.For("加急 ERP:SO-1", "ERP:SO-1", Replaces60).Step);
    }

    [Fact]
    public void Past_the_limit_nothing_is_sent_and_the_reason_says_so()
    {
        var plan = SellerNotePlan.For(new string('备', 50), "ERP:SO-0001", Replaces60);

        Assert.Equal(SellerNoteStep.Skip, plan.Step);
        Assert.Null(plan.Text);
        Assert.Equal("the shop's own note and ours would be 62 characters, over the platform's limit of 60; the shop's note is kept as it is", plan.Reason);
    }

    [Fact]
    public void A_byte_limit_counts_utf8_bytes()
    {
        var bytes = new SellerNoteLimit(20, InUtf8Bytes: true);

        Assert.Equal(SellerNoteStep.Write, SellerNotePlan.For("备注", "ERP:SO-1", bytes).Step); // 6 + 1 + 8 = 15 bytes
        Assert.Equal(SellerNoteStep.Skip, SellerNotePlan.For("备注备注", "ERP:SO-1", bytes).Step); // 12 + 1 + 8 = 21 bytes
    }

    [Fact]
    public void A_platform_without_a_documented_limit_takes_any_length()
    {
        Assert.Equal(SellerNoteStep.Write, SellerNotePlan.For(new string('x', 5000), "ERP:SO-1", new SellerNoteLimit(null)).Step);
    }

    [Fact]
    public void The_setting_makes_the_text_default_template_or_none()
    {
        Assert.Equal("ERP:SO-9", SellerNoteSetting.Default.TextFor("SO-9"));
        Assert.Equal("金蝶 SO-9", new SellerNoteSetting(SellerNoteMode.Template, "金蝶 {erpOrderNumber}").TextFor("SO-9"));
        Assert.Null(new SellerNoteSetting(SellerNoteMode.Off).TextFor("SO-9"));
    }

    [Fact]
    public void The_profile_validator_refuses_a_template_without_the_erp_number_or_too_long()
    {
        Assert.Empty(ProfileValidator.Validate(Profile()));
        Assert.Contains(ProfileValidator.Validate(Profile() with { SellerNote = new SellerNoteSetting(SellerNoteMode.Template, "ERP") }), e => e.Path == "$.sellerNote.template");
        Assert.Contains(ProfileValidator.Validate(Profile() with { SellerNote = new SellerNoteSetting(SellerNoteMode.Template, new string('x', 41) + "{erpOrderNumber}") }), e => e.Path == "$.sellerNote.template");
        Assert.Contains(ProfileValidator.Validate(Profile() with { SellerNote = new SellerNoteSetting((SellerNoteMode)7) }), e => e.Path == "$.sellerNote.mode");
    }
}
