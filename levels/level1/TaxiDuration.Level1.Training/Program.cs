using System.CommandLine;
using TaxiDuration.Level1.Training;

// Level 1: training is a tested library, but a person runs this by hand, reads the metrics and decides which
// model file to ship. Example:
//   dotnet run --project levels/level1/TaxiDuration.Level1.Training -- --train 2021-01 --validation 2021-02 --model linear --out models/model.zip
var train = new Option<string>("--train") { Description = "training month, e.g. 2021-01", DefaultValueFactory = _ => "2021-01" };
var validation = new Option<string>("--validation") { Description = "validation month", DefaultValueFactory = _ => "2021-02" };
var model = new Option<string>("--model") { Description = "linear | fasttree | lightgbm", DefaultValueFactory = _ => "linear" };
var features = new Option<string?>("--features") { Description = "course | rich (default: course for linear, rich for trees)" };
var output = new Option<string>("--out") { Description = "model file to write", DefaultValueFactory = _ => Path.Combine("models", "model.zip") };
var allowSynthetic = new Option<bool>("--allow-synthetic") { Description = "stand in synthetic months for missing ones (with a warning)" };
var offline = new Option<bool>("--offline") { Description = "never download missing months" };

var root = new RootCommand("Taxi trip-duration, level 1: train one model by hand and write it with its metrics.")
{
    train, validation, model, features, output, allowSynthetic, offline,
};
root.SetAction((parse, cancellationToken) => ManualTraining.RunAsync(
    new ManualTrainingArguments(
        parse.GetValue(train)!, parse.GetValue(validation)!, parse.GetValue(model)!, parse.GetValue(features),
        parse.GetValue(output)!, parse.GetValue(allowSynthetic), parse.GetValue(offline)),
    Console.Out,
    cancellationToken));
return await root.Parse(args).InvokeAsync();
