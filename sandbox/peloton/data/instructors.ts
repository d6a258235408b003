import { hexId } from "./ids";

/** Synthetic instructors (made-up names; docs/peloton-api.md §5.8 shape). */
interface InstructorSeed {
  key: string;
  first: string;
  last: string;
  disciplines: string[];
  quote: string;
}

const SEEDS: InstructorSeed[] = [
  { key: "jordan", first: "Jordan", last: "Vale", disciplines: ["cycling", "strength"], quote: "Zones are a promise you keep to yourself." },
  { key: "morgan", first: "Morgan", last: "Reyes", disciplines: ["cycling"], quote: "Climb like you mean it." },
  { key: "casey", first: "Casey", last: "Lindqvist", disciplines: ["cycling", "stretching"], quote: "Steady wins the season." },
  { key: "riley", first: "Riley", last: "Stone", disciplines: ["running", "walking", "strength"], quote: "Every mile counts." },
  { key: "avery", first: "Avery", last: "Brooks", disciplines: ["running", "walking", "meditation"], quote: "Run your own race." },
  { key: "quinn", first: "Quinn", last: "Harper", disciplines: ["caesar", "strength"], quote: "Legs, core, arms." },
  { key: "taylor", first: "Taylor", last: "Brandt", disciplines: ["strength", "stretching"], quote: "Form before load." },
  { key: "devon", first: "Devon", last: "Park", disciplines: ["yoga", "meditation", "stretching"], quote: "Breathe first." },
  { key: "sam", first: "Sam", last: "Okafor", disciplines: ["cycling", "running"], quote: "Show up, then speed up." },
  { key: "alex", first: "Alex", last: "Example", disciplines: ["cycling", "caesar"], quote: "Power is a skill." },
];

export const INSTRUCTOR_KEYS = SEEDS.map((s) => s.key);

export function instructorId(key: string): string {
  return hexId(`instructor:${key}`);
}

export function instructorKeysFor(discipline: string): string[] {
  const keys = SEEDS.filter((s) => s.disciplines.includes(discipline)).map((s) => s.key);
  return keys.length ? keys : INSTRUCTOR_KEYS;
}

export function instructorSummary(key: string): { id: string; name: string; image_url: string } {
  const seed = SEEDS.find((s) => s.key === key);
  const name = seed ? `${seed.first} ${seed.last}` : key;
  return { id: instructorId(key), name, image_url: `https://example.invalid/instructors/${key}.png` };
}

export function instructorJson(key: string): Record<string, unknown> | undefined {
  const index = SEEDS.findIndex((s) => s.key === key);
  const s = SEEDS[index];
  if (!s) return undefined;
  const img = (kind: string) => `https://example.invalid/instructors/${s.key}/${kind}.png`;
  return {
    id: instructorId(s.key),
    name: `${s.first} ${s.last}`,
    first_name: s.first,
    last_name: s.last,
    username: `${s.first}${s.last}`.toLowerCase(),
    user_id: hexId(`instructor-user:${s.key}`),
    bio: `${s.first} is a synthetic instructor of the Peloton simulator. ${s.quote}`,
    short_bio: `Synthetic ${s.disciplines[0]} coach.`,
    quote: s.quote,
    background: "Made up for local testing.",
    coach_type: "peloton_coach",
    fitness_disciplines: s.disciplines,
    is_visible: true,
    is_filterable: true,
    is_instructor_group: false,
    is_announced: true,
    list_order: index + 1,
    featured_profile: index < 3,
    image_url: img("profile"),
    about_image_url: img("about"),
    life_style_image_url: img("lifestyle"),
    jumbotron_url: img("jumbotron"),
    jumbotron_url_dark: img("jumbotron-dark"),
    jumbotron_url_ios: img("jumbotron-ios"),
    instructor_hero_image_url: img("hero"),
    web_instructor_list_display_image_url: img("web-list"),
    ios_instructor_list_display_image_url: img("ios-list"),
    bike_instructor_list_display_image_url: img("bike-list"),
    spotify_playlist_uri: null,
    music_bio: null,
    film_link: null,
    instagram_profile: null,
    strava_profile: null,
    twitter_profile: null,
    facebook_fan_page: null,
    ordered_q_and_as: [["Favourite workout?", "The one you finish."]],
    workout_share_images: s.disciplines.map((d) => ({ fitness_discipline: d, image_url: img(`share-${d}`) })),
  };
}
