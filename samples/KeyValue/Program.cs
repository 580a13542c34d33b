using WitHost.Samples.KeyValue;

// Runs the keyvalue guest's jobs over buckets this host implements, and prints what happens.
KeyValueTour.Run(Console.Out);
