using Microsoft.ML;
using Microsoft.ML.Data;
using TaxiDuration.Features;
using TaxiDuration.Model;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Training.Tests;

public sealed class PairPriorTests
{
    [Fact]
    public void A_training_rows_prior_does_not_depend_on_its_own_duration_but_the_served_prior_does()
    {
        var trips = SyntheticTrips.Generate(500, seed: 4, noise: 4);
        var before = PairPriors.Compute(trips, seed: 9);
        var pair = trips[17].PickupDropoff;

        trips[17].Duration += 30;
        var after = PairPriors.Compute(trips, seed: 9);

        Assert.Equal(before.OutOfFold[17], after.OutOfFold[17]);
        Assert.NotEqual(before.OutOfFold, after.OutOfFold);
        Assert.True(after.Month[pair].Duration > before.Month[pair].Duration, $"served prior {after.Month[pair]} not above {before.Month[pair]}");
        Assert.True(after.Month[pair].Pace > before.Month[pair].Pace, $"served pace {after.Month[pair]} not above {before.Month[pair]}");
    }

    [Fact]
    public void The_served_prior_is_the_pair_mean_blended_with_the_month_mean()
    {
        // 4 trips of 10 minutes on 1_2 and 16 of 30 on 3_4: month mean 26, so 1_2 gets (40 + 20·26) / (4 + 20).
        var trips = Enumerable.Repeat(("1", "2", 10f), 4).Concat(Enumerable.Repeat(("3", "4", 30f), 16))
            .Select(trip => new TripExample { PickupLocation = trip.Item1, DropoffLocation = trip.Item2, PickupDropoff = $"{trip.Item1}_{trip.Item2}", Duration = trip.Item3 })
            .ToArray();

        var priors = PairPriors.Compute(trips, seed: 1);

        Assert.Equal((40 + (20 * 26.0)) / 24, priors.Month["1_2"].Duration, precision: 4);
        Assert.Equal((480 + (20 * 26.0)) / 36, priors.Month["3_4"].Duration, precision: 4);
    }

    [Fact]
    public void Pace_and_miles_are_the_pairs_totals_blended_with_the_months_and_only_miles_include_the_row_itself()
    {
        // 1_2: 5 trips of 10 min over 2 mi; 3_4: 15 trips of 30 min over 6 mi, one of them recorded at -1 mi (counts as 0).
        // Month: 500 min, 2·5 + 6·14 = 94 mi over 20 trips: mean 25 min, 4.7 mi.
        var trips = Enumerable.Repeat(("1", "2", 10f, 2f), 5).Concat(Enumerable.Repeat(("3", "4", 30f, 6f), 14)).Append(("3", "4", 30f, -1f))
            .Select(trip => new TripExample { PickupLocation = trip.Item1, DropoffLocation = trip.Item2, PickupDropoff = $"{trip.Item1}_{trip.Item2}", Duration = trip.Item3, TripDistance = trip.Item4 })
            .ToArray();

        var priors = PairPriors.Compute(trips, seed: 2);

        Assert.Equal((50 + (20 * 25.0)) / (10 + (20 * 4.7)), priors.Month["1_2"].Pace, precision: 4);
        Assert.Equal((10 + (20 * 4.7)) / 25, priors.Month["1_2"].Miles, precision: 4);
        Assert.Equal((84 + (20 * 4.7)) / 35, priors.Month["3_4"].Miles, precision: 4);
        Assert.Equal(25.0 / 4.7, priors.Month["7_8"].Pace, precision: 4);
        // Durations and paces of a row come from the other folds; its miles are its pair's, as a request gets them.
        Assert.All(trips.Select((trip, row) => (trip, priors.OutOfFold[row])), row => Assert.Equal(priors.Month[row.trip.PickupDropoff].Miles, row.Item2.Miles));
        Assert.Contains(trips.Select((trip, row) => (trip, priors.OutOfFold[row])), row => row.Item2.Pace != priors.Month[row.trip.PickupDropoff].Pace);
    }

    [Fact]
    public void A_pair_without_other_trips_gets_the_months_mean_in_training_and_in_serving()
    {
        // 10 trips of 12 minutes on 1_2 and one of 40 on 9_9, which no other fold holds.
        var trips = Enumerable.Repeat(("1", "2", 12f), 10).Append(("9", "9", 40f))
            .Select(trip => new TripExample { PickupLocation = trip.Item1, DropoffLocation = trip.Item2, PickupDropoff = $"{trip.Item1}_{trip.Item2}", TripDistance = 1, Duration = trip.Item3 })
            .ToList();
        var ml = new MLContext(seed: 1);

        var priors = PairPriors.Compute(trips, seed: 3);
        var model = TrainerFactory.CreatePipeline(ml, FeatureSet.PairPrior, TrainerSpec.LightGbm(new Dictionary<string, double> { [TrainerParameters.Trees] = 2, [TrainerParameters.MinExamplesPerLeaf] = 1 }))
            .Fit(ml.Data.LoadFromEnumerable(trips));
        var unseen = new TripExample { PickupLocation = "7", DropoffLocation = "8", PickupDropoff = "7_8", TripDistance = 2 };
        var scored = model.Transform(ml.Data.LoadFromEnumerable([unseen, trips[0]]));
        var served = scored.GetColumn<float>(PairPriorEstimator.Column).ToArray();

        // Out of fold, 9_9 has no trips: the other folds hold only 1_2's, so its prior is their mean, 12.
        Assert.Equal(12f, priors.OutOfFold[^1].Duration);
        Assert.Equal(160 / 11.0, priors.Month["7_8"].Duration, precision: 4);
        Assert.Equal([priors.Month["7_8"].Duration, priors.Month["1_2"].Duration], served);
        Assert.Equal([priors.Month["7_8"].Pace, priors.Month["1_2"].Pace], scored.GetColumn<float>(PairPriorEstimator.PaceColumn));
        Assert.Equal([priors.Month["7_8"].Miles, priors.Month["1_2"].Miles], scored.GetColumn<float>(PairPriorEstimator.MilesColumn));
        Assert.Equal(265 * 265, priors.Month.Count);
    }

    [Fact]
    public void A_saved_pair_prior_model_loads_with_stock_mlnet_and_predicts_the_same()
    {
        var ml = new MLContext(seed: 1);
        var trips = SyntheticTrips.Generate(400, seed: 5, noise: 2);
        var data = ml.Data.LoadFromEnumerable(trips);
        var model = TrainerFactory.CreatePipeline(ml, FeatureSet.PairPrior, TrainerSpec.LightGbm(new Dictionary<string, double> { [TrainerParameters.Trees] = 10 })).Fit(data);
        using var file = new MemoryStream();

        ml.Model.Save(model, data.Schema, file);
        file.Position = 0;
        var loaded = new MLContext(seed: 2).Model.Load(file, out _);

        Assert.Equal(BatchScorer.Predict(ml, model, trips), BatchScorer.Predict(ml, loaded, trips));
    }
}
