using System.Globalization;
using ServerlessSync.Domain.Mapping;

namespace ServerlessSync.Pipeline.Mapping;

/// <summary>
/// <c>GET /api/mapping/combo-split?amountFen=&amp;basis=&amp;components=qty:listPriceFen,...</c>: how a combo line's paid
/// amount would be split over its components, to the fen, by the planner's own allocation. The workbench shows it live
/// while a combo is edited; nothing is read or stored.
/// </summary>
public static class ComboSplitApi
{
    public const int MaxComponents = 50;

    public static HttpReply Split(string? amountFen, string? basis, string? components)
    {
        if (!long.TryParse(amountFen, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return HttpReply.Error(400, "amountFen must be a whole number of fen, zero or more");
        }

        var chosen = AllocationBasis.ListPrice;
        if (!string.IsNullOrEmpty(basis) && (!Enum.TryParse(basis, ignoreCase: false, out chosen) || !Enum.IsDefined(chosen)))
        {
            return HttpReply.Error(400, $"basis must be one of {string.Join(", ", Enum.GetNames<AllocationBasis>())}");
        }

        var parts = (components ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > MaxComponents)
        {
            return HttpReply.Error(400, $"components must list 1 to {MaxComponents} components as quantity:listPriceFen, comma-separated");
        }

        var list = new List<ComboComponent>();
        for (var i = 0; i < parts.Length; i++)
        {
            var fields = parts[i].Split(':');
            if (fields.Length != 2
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity < 1
                || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var price))
            {
                return HttpReply.Error(400, $"component {i + 1} ('{parts[i]}') must be quantity:listPriceFen with a quantity of at least 1 and a price of zero or more");
            }

            list.Add(new ComboComponent("", "", quantity, price));
        }

        try
        {
            var shares = OrderPlanner.ComboShares(new ComboMapping(list, chosen), chosen, amount);
            return HttpReply.JsonBody(200, new { amountFen = amount, basis = chosen.ToString(), sharesFen = shares });
        }
        catch (OverflowException)
        {
            return HttpReply.Error(400, "the list prices times quantities are out of range");
        }
    }
}
