import { describe, expect, it } from "vitest";
import { envProblems, parseEnv } from "./env-schema";

const problemsOf = (env: Record<string, string>) => {
  try {
    parseEnv(env);
    return [];
  } catch (error) {
    return envProblems(error);
  }
};

describe("map tiles in the environment", () => {
  it("are off unless MAP_TILE_URL is set: the route stays a plain trace and no tile is requested", () => {
    expect(parseEnv({}).mapTiles).toBeNull();
    expect(parseEnv({ MAP_TILE_URL: "", MAP_TILE_ATTRIBUTION: "" }).mapTiles).toBeNull();
  });

  it("take a {z}/{x}/{y} template with its attribution", () => {
    const env = parseEnv({ MAP_TILE_URL: "https://tile.example/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "© Example contributors" });
    expect(env.mapTiles).toEqual({ urlTemplate: "https://tile.example/{z}/{x}/{y}.png", attribution: "© Example contributors" });
  });

  it("refuse a template without its placeholders or host, and a template without attribution", () => {
    expect(problemsOf({ MAP_TILE_URL: "https://tile.example/tiles.png", MAP_TILE_ATTRIBUTION: "x" })[0]).toMatch(/^MAP_TILE_URL: MAP_TILE_URL must be an http\(s\) URL with \{z\}, \{x\} and \{y\}/);
    expect(problemsOf({ MAP_TILE_URL: "https://{s}.tile.example/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "x" })).toHaveLength(1);
    expect(problemsOf({ MAP_TILE_URL: "ftp://tile.example/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "x" })).toHaveLength(1);
    expect(problemsOf({ MAP_TILE_URL: "https://tile.example/{z}/{x}/{y}.png" })).toEqual([expect.stringMatching(/^MAP_TILE_ATTRIBUTION: required with MAP_TILE_URL/)]);
  });
});
