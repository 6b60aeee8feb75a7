/** The glossary (Help screen, lesson-card concept chips): each term the game uses, in plain words. */
export interface GlossaryEntry {
  id: string;
  term: string;
  /** Other spellings a lesson card may use for the same idea (matched case-insensitively). */
  aliases: readonly string[];
  definition: string;
  /** Where it shows up in the game. */
  inGame: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'hbm', term: 'HBM (high-bandwidth memory)', aliases: ['hbm', 'sram vs hbm'],
    definition: 'Stacks of DRAM dies placed next to a GPU on the same package, giving terabytes per second of memory bandwidth. An H100 carries 80 GB of HBM, a B200 192 GB. HBM is about half of an AI GPU\'s bill of materials and was sold out through 2025: three suppliers, capacity growing slower than demand.',
    inGame: 'HBM GPUs (the incumbent\'s) depend on it and have long lead times; the LPU needs none.',
  },
  {
    id: 'cowos', term: 'CoWoS / advanced packaging', aliases: ['cowos', 'advanced packaging', 'packaging'],
    definition: 'Chip-on-Wafer-on-Substrate: the foundry step that joins a GPU die and its HBM stacks on a silicon interposer. Capacity grew from about 8k wafers a month (mid-2023) to about 35k (end 2024), and the incumbent reserves roughly two thirds of it — a chokepoint for everyone else.',
    inGame: 'Why incumbent GPUs arrive in 3+ quarters while LPUs (no packaging) arrive in 2.',
  },
  {
    id: 'ppa', term: 'PPA (power purchase agreement)', aliases: ['ppa', 'power purchase agreement'],
    definition: 'A long contract (10–20 years) to buy a fixed amount of power at a fixed price, usually below the average spot price. Typical US prices in 2024: solar ~$57/MWh, wind ~$68/MWh.',
    inGame: 'Power panel: sign MW at a site for a term; you pay for the contracted MW every quarter (take-or-pay) whether your chips use them or not.',
  },
  {
    id: 'take-or-pay', term: 'Take-or-pay', aliases: ['take-or-pay', 'take or pay'],
    definition: 'A contract clause: the buyer pays for the contracted quantity even if it takes less. It lowers the seller\'s risk, which is why the price is lower.',
    inGame: 'A PPA bigger than your chips\' draw is money paid for idle power.',
  },
  {
    id: 'spot', term: 'Spot price', aliases: ['spot price', 'spot power', 'spot'],
    definition: 'The price of power (or rented compute) bought for immediate delivery, set by supply and demand each period. It moves with weather, fuel and load, and rises when a region\'s data centers crowd the grid.',
    inGame: 'Power you draw beyond your PPAs is bought at the site\'s spot price, if the grid can supply it; otherwise chips are throttled.',
  },
  {
    id: 'queue', term: 'Interconnection queue', aliases: ['interconnection queue', 'grid queue', 'queue'],
    definition: 'The waiting line for a new grid connection. In the US about 2,600 GW of projects waited in 2023 against 1,279 GW installed, waits grew from 3 to 5 years, and only about a fifth of requests get built. Phantom requests (the same project filed in many places) lengthen it.',
    inGame: 'Sites panel: a greenfield build waits the queue before its construction completes; big requests lengthen the queue for everyone.',
  },
  {
    id: 'pue', term: 'PUE (power usage effectiveness)', aliases: ['pue'],
    definition: 'Total facility power divided by IT power. 1.1 means 10% extra for cooling and losses (a cool-climate hyperscale hall); the industry average is about 1.58.',
    inGame: 'A chip drawing 185 W in a PUE 1.3 site needs 240 W of facility capacity and power.',
  },
  {
    id: 'greenfield', term: 'Greenfield vs retrofit', aliases: ['greenfield', 'retrofit'],
    definition: 'Greenfield: a new data center on an empty site — cheapest per MW at scale but 18–36 months and a grid connection. Retrofit: refitting an existing, connected shell — fast and smaller, at a higher cost per usable MW of capacity found.',
    inGame: 'Sites panel: retrofit takes 2 quarters at 60% of greenfield capex, limited to the shells available.',
  },
  {
    id: 'sram-lpu', term: 'SRAM-LPU', aliases: ['sram-lpu', 'lpu', 'sram', 'language processing unit'],
    definition: 'An inference chip that keeps the whole model in on-chip SRAM (about 230 MB per chip) instead of HBM. SRAM is very fast, so each user sees hundreds of tokens per second, and it needs no HBM or advanced packaging — but a large model must be split across hundreds of chips.',
    inGame: 'Your Lattice LPU: cheap, quick to get, ~3x less energy per token; useless for training.',
  },
  {
    id: 'replica', term: 'Model replica', aliases: ['model replica', 'replica'],
    definition: 'One complete copy of a model\'s weights serving requests. On SRAM chips a replica needs ceil(model size ÷ SRAM per chip) chips — about 544 LPUs for a 70B model — pipelined. A partial replica serves nothing.',
    inGame: 'Chips panel: deploy LPUs in multiples of the replica size shown next to each workload.',
  },
  {
    id: 'tokens-per-watt', term: 'Tokens per watt (tokens per joule)', aliases: ['tokens per watt', 'tokens per joule', 'energy per token', 'j/token'],
    definition: 'Efficiency of serving a model: tokens produced per joule of energy (a watt is a joule per second, so "tokens per watt-second"). Its inverse is energy per token, in joules. When power is the constraint, tokens per watt decides how much you can sell.',
    inGame: 'Top bar: energy per token in J/token and tok/J, measured on last quarter\'s inference.',
  },
  {
    id: 'cost-per-mtok', term: 'Cost per million tokens', aliases: ['cost per million tokens', 'cost per m tokens', 'cost/mtok'],
    definition: 'The full cost of serving one million tokens: chip depreciation and upkeep, power and facility costs, divided by tokens served. Compare it with the price per million tokens to see the margin per token.',
    inGame: 'Top bar: your inference cost per million tokens last quarter (hover for the breakdown).',
  },
  {
    id: 'h100e', term: 'H100e-hour', aliases: ['h100e-hour', 'h100e', 'h100-equivalent'],
    definition: 'One hour of compute from one NVIDIA H100, or the equivalent: a chip twice as fast for training sells 2 H100e-hours per hour. The unit of the training rental market, whose price fell from over $8 (2023) to under $2 (late 2024).',
    inGame: 'Training panel: capacity and the market\'s rental price per H100e-hour.',
  },
  {
    id: 'gross-margin', term: 'Gross margin', aliases: ['gross margin', 'margin'],
    definition: '(Revenue − cost of revenue) ÷ revenue. Cost of revenue here is power, chip and facility upkeep, and depreciation. The incumbent GPU vendor runs at about 75%; an inference provider selling tokens at falling prices runs far lower.',
    inGame: 'Top bar: last quarter\'s gross margin.',
  },
  {
    id: 'irr', term: 'IRR (internal rate of return)', aliases: ['irr', 'internal rate of return', 'hurdle'],
    definition: 'The yearly return that makes the present value of an investment\'s cash flows zero. A partner with a "hurdle" of 15% IRR takes most of a deal\'s revenue until its money has earned 15% a year, then a small share.',
    inGame: 'Revenue-share financing (the Gulf deal scenarios) pays the partner until its IRR reaches the hurdle.',
  },
  {
    id: 'ev', term: 'Enterprise value', aliases: ['enterprise value', 'ev', 'valuation'],
    definition: 'What the whole business is worth: equity value plus debt minus cash. Here: the larger of an earnings value (annualized EBITDA × a multiple that rises with growth) and 60% of asset book value, plus cash minus debt.',
    inGame: 'Scores and equity raises: investors price a round off your last enterprise value.',
  },
  {
    id: 'jevons', term: 'Jevons paradox', aliases: ['jevons paradox', 'jevons', 'price elasticity (jevons)', 'price elasticity', 'elasticity'],
    definition: 'When something gets cheaper to use, total use can rise so much that total spending rises too (Jevons, 1865, on coal). With price elasticity above 1, a 10% price cut raises volume by more than 10%.',
    inGame: 'Markets: token prices fall ~10x a year, yet total inference spend keeps growing.',
  },
  {
    id: 'llmflation', term: 'LLMflation', aliases: ['llmflation', 'price decline'],
    definition: 'The fall in the price of LLM inference at constant capability: about 10x per year (from $60 to $0.06 per million tokens, 2021–2024).',
    inGame: 'Markets panel: each tier\'s reference price falls every quarter; your prices must follow.',
  },
  {
    id: 'inference', term: 'Inference vs training', aliases: ['inference', 'training'],
    definition: 'Training builds a model (huge, bursty jobs on HBM GPUs, high margin while GPUs are scarce); inference runs it for users (steady, enormous volume, priced per token, low margin). Inference was about a third of AI compute in 2023 and heads for two thirds by 2026.',
    inGame: 'The central choice of The Inference Gambit.',
  },
  {
    id: 'depreciation', term: 'Depreciation', aliases: ['depreciation'],
    definition: 'Spreading the cost of an asset (a chip, a building) over its useful life as a non-cash expense. AI chips lose value fast, so their depreciation is a large part of cost per token.',
    inGame: 'Chips depreciate straight-line over their useful life (16 quarters here).',
  },
  {
    id: 'throttle', term: 'Throttling', aliases: ['throttling', 'throttle'],
    definition: 'Running chips below full speed because the power they need is not available. Capacity is lost, not silently ignored.',
    inGame: 'Turn report: chips throttled when PPA plus spot power falls short of their draw.',
  },
  {
    id: 'utilization', term: 'Utilization', aliases: ['utilization', 'utilisation'],
    definition: 'The share of capacity actually used to serve demand. Idle chips still depreciate and still need their power contracts.',
    inGame: 'Chips panel: each deployment\'s last-quarter utilization.',
  },
  {
    id: 'market-share', term: 'Inference share', aliases: ['market share', 'inference share', 'share'],
    definition: 'Your tokens served as a share of all inference tokens served in the open regions last quarter.',
    inGame: 'Top bar; the Inference Gambit\'s victory needs 10%.',
  },
  {
    id: 'echo-demand', term: 'Echo demand', aliases: ['echo demand', 'phantom demand'],
    definition: 'The same buyer\'s request counted many times because it was sent to many builders at once. It looks like demand and evaporates before contracts are signed.',
    inGame: 'Echo Chamber scenario: do not build for demand that is not real.',
  },
];

/** The entry a lesson-card concept refers to, if any. */
export function findGlossaryEntry(concept: string): GlossaryEntry | undefined {
  const key = concept.trim().toLowerCase();
  return GLOSSARY.find((e) => e.aliases.includes(key) || e.term.toLowerCase() === key) ?? GLOSSARY.find((e) => e.aliases.some((a) => key.includes(a)));
}
