namespace ServerlessSync.Domain.Tests.Platforms.Taobao;

public sealed class TaobaoReversePagerTests
{
    private static readonly DateTimeOffset From = new(2024, 6, 18, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddMinutes(30);

    private static TaobaoChangedTrade T(string tid, int second) => new(tid, From.AddSeconds(second), null);

    [Theory]
    [InlineData(0, 50, 1)]
    [InlineData(50, 50, 1)]
    [InlineData(51, 50, 2)]
    [InlineData(250, 100, 3)]
    public void Walk_starts_at_the_last_page(long total, int pageSize, int lastPage)
    {
        Assert.Equal(lastPage, TaobaoReversePager.Start(From, To, total, pageSize).NextPage);
    }

    [Fact]
    public void Walk_counts_down_to_page_one_and_ends()
    {
        var cursor = TaobaoReversePager.Start(From, To, 6, 2);
        var pages = new List<int>();
        TaobaoListCursor? next = cursor;
        while (next is not null)
        {
            pages.Add(next.NextPage);
            next = TaobaoReversePager.Accept(next, [T("9" + next.NextPage, next.NextPage)]).Next;
        }

        Assert.Equal([3, 2, 1], pages);
    }

    [Fact]
    public void Trades_that_slid_onto_the_next_page_because_others_left_the_window_are_not_returned_twice()
    {
        // Ordered by modified, newest first. Page 3 (oldest) is read; then the two newest trades are modified and
        // leave the window, so page 2 now starts with the two newest trades of the old page 3.
        var cursor = TaobaoReversePager.Start(From, To, 6, 2);
        var (page3, afterPage3) = TaobaoReversePager.Accept(cursor, [T("102", 2), T("101", 1)]);
        var (page2, afterPage2) = TaobaoReversePager.Accept(afterPage3!, [T("102", 2), T("101", 1)]);
        var (page1, end) = TaobaoReversePager.Accept(afterPage2!, [T("104", 4), T("103", 3)]);

        Assert.Equal(["102", "101"], page3.Select(t => t.Tid));
        Assert.Empty(page2);
        Assert.Equal(["104", "103"], page1.Select(t => t.Tid));
        Assert.Null(end);
    }

    [Fact]
    public void Ties_in_the_same_second_are_only_dropped_when_that_tid_was_returned()
    {
        var cursor = TaobaoReversePager.Start(From, To, 4, 2);
        var (_, next) = TaobaoReversePager.Accept(cursor, [T("201", 5), T("200", 5)]);

        var (fresh, _) = TaobaoReversePager.Accept(next!, [T("202", 5), T("201", 5)]);

        Assert.Equal(["202"], fresh.Select(t => t.Tid));
    }

    [Fact]
    public void A_window_that_grew_while_paging_restarts_a_bounded_number_of_times()
    {
        var cursor = TaobaoReversePager.Start(From, To, 4, 2);

        Assert.Null(TaobaoReversePager.RestartIfGrown(cursor, 4));
        Assert.Null(TaobaoReversePager.RestartIfGrown(cursor, 3));
        var restarted = TaobaoReversePager.RestartIfGrown(cursor, 5)!;
        Assert.Equal((3, 5L, 1, (TaobaoSeenRange?)null), (restarted.NextPage, restarted.Total, restarted.Restarts, restarted.Seen));
        Assert.Null(TaobaoReversePager.RestartIfGrown(cursor with { Restarts = TaobaoReversePager.MaxRestarts }, 9));
    }

    [Fact]
    public void Cursor_round_trips_and_belongs_to_its_window_only()
    {
        var (_, cursor) = TaobaoReversePager.Accept(TaobaoReversePager.Start(From, To, 300, 100), [T("3512345678901234567", 7), T("3512345678901234566", 3)]);

        var text = cursor!.Encode();
        var decoded = TaobaoListCursor.Decode(text);

        Assert.StartsWith("tb1.", text, StringComparison.Ordinal);
        Assert.Equal((cursor.NextPage, cursor.Total, cursor.PageSize), (decoded.NextPage, decoded.Total, decoded.PageSize));
        Assert.Equal((3L + From.ToUnixTimeSeconds(), 7L + From.ToUnixTimeSeconds()), (decoded.Seen!.Low, decoded.Seen.High));
        Assert.Equal(["3512345678901234567"], decoded.Seen.HighTids);
        Assert.True(decoded.IsFor(From, To));
        Assert.False(decoded.IsFor(From, To.AddSeconds(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tb1.")]
    [InlineData("tb1.!!!")]
    [InlineData("tb1.e30")]
    [InlineData("next-page-2")]
    public void Foreign_or_broken_cursors_are_refused(string text)
    {
        Assert.Throws<TaobaoCursorFormatException>(() => TaobaoListCursor.Decode(text));
    }
}
