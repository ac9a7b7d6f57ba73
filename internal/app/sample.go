package app

// The built-in sample article. Sayso's authors wrote it for the app; the
// town, people and events are invented.

// SampleTitle is the sample article's title.
const SampleTitle = "Harbour town splits over plan for a car-free centre"

// SampleTopic is the sample article's topic: what its claims argue for
// or against, the default stance target of its claims.
const SampleTopic = "the car-free plan"

// SampleText is the sample article: three named speakers, direct and
// indirect quotes, curly quotes and one emoji outside the Basic Multilingual
// Plane.
const SampleText = `Harbour town splits over plan for a car-free centre

LENNICK BAY — The town council of Lennick Bay voted on Tuesday to close its old harbour quarter to cars from next spring, a decision that drew cheers in the chamber and an angry walkout by shop owners.

“Our streets were built for people, not for parking,” said Mayor Ines Okafor, who has pushed the plan since her election. “Children should be able to walk to school without dodging delivery vans.”

Okafor said the council would spend the savings from road repairs on new benches, trees and a shuttle bus for older residents.

Tomas Reyes, who runs a hardware shop on Quay Street, called the vote “a slow death for small businesses.” He said that half of his customers arrive by car and would simply drive to the retail park outside town instead.

“Nobody asked us,” Reyes told reporters after leaving the meeting. “They held one consultation, in August, when every shopkeeper was working.”

Dr. Priya Nandakumar, a transport researcher at the regional university, said the evidence from similar towns was mixed. Footfall usually rises after streets are closed to traffic, she said, but the shops that depend on heavy goods often struggle in the first two years.

“It can work, but only if deliveries are planned properly,” Nandakumar said. “A good plan is not a ban; it is a timetable.”

Residents reacted online within minutes. One post showing a bicycle parked outside the town hall with a sign reading “Finally! 🚲” was shared more than two thousand times.

The council will publish a delivery schedule in March. Reyes said he would wait for it before deciding whether to keep his shop open.
`
