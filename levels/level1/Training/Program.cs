using TaxiDuration.CommandLine;
using TaxiDuration.Training.Commands;

// Level 1: training is a tested library, but a person runs it by hand, reads the metrics and decides which model
// file to ship. Example, from the repository root:
//   dotnet run --project levels/level1/Training -- --train 2021-01 --validation 2021-02 --model linear --out models/model.zip
var root = ManualTrainCommand.Create("Taxi trip-duration, level 1: train one model by hand and write it with its metrics.");
return await CommandLineApp.RunAsync(root, args);
