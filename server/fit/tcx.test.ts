import { describe, expect, it } from "vitest";
import { syntheticRide } from "@/lib/metrics/__fixtures__/synthetic-activity";
import { encodeTcx, escapeXml, formatNumber, tcxFileName, TCX_EXTENSION_NAMESPACE, TCX_NAMESPACE } from "./tcx";
import type { Activity } from "@/lib/domain/activity";

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c !== "&") {
      out += c;
      continue;
    }
    const end = raw.indexOf(";", i);
    const entity = ENTITIES[raw.slice(i + 1, end)];
    if (end < 0 || entity === undefined) throw new Error(`bad entity at ${i}`);
    out += entity;
    i = end;
  }
  return out;
}

/** A minimal well-formedness-checking XML parser: elements, attributes, text, entities; skips <?…?> and comments. */
function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const isSpace = (c: string) => c === " " || c === "\n" || c === "\t" || c === "\r";
  let i = 0;
  while (i < xml.length) {
    if (xml.startsWith("<?", i)) i = xml.indexOf("?>", i) + 2;
    else if (xml.startsWith("<!--", i)) i = xml.indexOf("-->", i) + 3;
    else if (xml.startsWith("</", i)) {
      const end = xml.indexOf(">", i);
      const name = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      i = end + 1;
    } else if (xml.charAt(i) === "<") {
      let j = i + 1;
      while (!isSpace(xml.charAt(j)) && xml.charAt(j) !== ">" && xml.charAt(j) !== "/") j++;
      const node: XmlNode = { name: xml.slice(i + 1, j), attrs: {}, children: [], text: "" };
      for (;;) {
        while (isSpace(xml.charAt(j))) j++;
        if (xml.charAt(j) === ">" || xml.startsWith("/>", j)) break;
        const eq = xml.indexOf("=", j);
        const attr = xml.slice(j, eq).trim();
        const quote = xml.charAt(eq + 1);
        const close = xml.indexOf(quote, eq + 2);
        if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr}`);
        if (attr in node.attrs) throw new Error(`duplicate attribute ${attr}`);
        node.attrs[attr] = decodeEntities(xml.slice(eq + 2, close));
        j = close + 1;
      }
      top().children.push(node);
      if (xml.startsWith("/>", j)) i = j + 2;
      else {
        stack.push(node);
        i = j + 1;
      }
    } else {
      const end = xml.indexOf("<", i) < 0 ? xml.length : xml.indexOf("<", i);
      const text = decodeEntities(xml.slice(i, end));
      if (text.trim()) top().text += text;
      i = end;
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error("unclosed elements or several roots");
  const [document] = root.children;
  if (!document) throw new Error("no root element");
  return document;
}

const child = (node: XmlNode | undefined, name: string) => node?.children.find((c) => c.name === name);
const all = (node: XmlNode, name: string): XmlNode[] => [...(node.name === name ? [node] : []), ...node.children.flatMap((c) => all(c, name))];

/** Children must appear in `order` (each at most once unless repeatable), all `required` present. */
function expectSequence(node: XmlNode, order: string[], required: string[], repeatable: string[] = []) {
  const names = node.children.map((c) => c.name);
  let position = 0;
  for (const name of names) {
    const at = order.indexOf(name, position);
    expect(at, `<${name}> in <${node.name}>: ${names.join(",")}`).toBeGreaterThanOrEqual(0);
    position = repeatable.includes(name) ? at : at + 1;
  }
  for (const name of required) expect(names, `<${node.name}> lacks <${name}>`).toContain(name);
}

const LAP_ORDER = ["TotalTimeSeconds", "DistanceMeters", "MaximumSpeed", "Calories", "AverageHeartRateBpm", "MaximumHeartRateBpm", "Intensity", "Cadence", "TriggerMethod", "Track", "Notes", "Extensions"];
const LAP_REQUIRED = ["TotalTimeSeconds", "DistanceMeters", "Calories", "Intensity", "TriggerMethod"];
const TRACKPOINT_ORDER = ["Time", "Position", "AltitudeMeters", "DistanceMeters", "HeartRateBpm", "Cadence", "SensorState", "Extensions"];
const NUMERIC = new Set(["TotalTimeSeconds", "DistanceMeters", "MaximumSpeed", "Calories", "Value", "Cadence", "AltitudeMeters", "ns3:Speed", "ns3:Watts", "ns3:AvgSpeed", "ns3:AvgWatts", "ns3:MaxWatts", "ns3:MaxBikeCadence", "ns3:RunCadence"]);

function expectPlainNumber(text: string, where: string) {
  expect(Number.isFinite(Number(text)), `${where}: ${text}`).toBe(true);
  expect(text.includes("e") || text.includes("E") || text.endsWith(".") || (text.includes(".") && text.endsWith("0")), `${where}: ${text}`).toBe(false);
}

describe("encodeTcx", () => {
  const ride: Activity = { ...syntheticRide({ seconds: 900, laps: 3, dropouts: [[100, 160]] }), title: 'Tom & Jerry\'s <"Climb">' };
  const xml = encodeTcx(ride, { creatorName: "AutoCoach" });
  const doc = parseXml(xml);
  const activity = child(child(doc, "Activities"), "Activity");

  it("is well-formed TCX v2 with the extension namespace", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc.name).toBe("TrainingCenterDatabase");
    expect(doc.attrs.xmlns).toBe(TCX_NAMESPACE);
    expect(doc.attrs["xmlns:ns3"]).toBe(TCX_EXTENSION_NAMESPACE);
    expect(activity?.attrs.Sport).toBe("Biking");
    expect(child(activity, "Id")?.text).toBe("2026-05-02T07:12:05Z");
    if (!activity) throw new Error("no Activity element");
    expectSequence(activity, ["Id", "Lap", "Notes", "Training", "Creator", "Extensions"], ["Id", "Lap"], ["Lap"]);
    expect(child(activity, "Notes")?.text).toBe(ride.title);
    expect(child(child(activity, "Creator"), "Name")?.text).toBe("AutoCoach");
  });

  it("writes laps in the XSD order with their required elements, tiling the ride", () => {
    const laps = activity?.children.filter((c) => c.name === "Lap") ?? [];
    expect(laps.map((lap) => lap.attrs.StartTime)).toEqual(["2026-05-02T07:12:05Z", "2026-05-02T07:17:05Z", "2026-05-02T07:22:05Z"]);
    for (const lap of laps) {
      expectSequence(lap, LAP_ORDER, LAP_REQUIRED);
      expect(child(lap, "Intensity")?.text).toBe("Active");
      expect(child(lap, "TriggerMethod")?.text).toBe("Manual");
      expect(Number(child(lap, "TotalTimeSeconds")?.text)).toBe(300);
      expect(Number(child(lap, "Calories")?.text)).toBeGreaterThan(0);
      const lx = child(child(lap, "Extensions"), "ns3:LX");
      if (lx) expectSequence(lx, ["ns3:AvgSpeed", "ns3:MaxBikeCadence", "ns3:AvgRunCadence", "ns3:MaxRunCadence", "ns3:Steps", "ns3:AvgWatts", "ns3:MaxWatts"], []);
    }
  });

  it("writes one trackpoint per second with data, fields in XSD order, numbers plainly formatted", () => {
    const points = all(doc, "Trackpoint");
    expect(points).toHaveLength(900 - 60);
    for (const point of points) {
      expectSequence(point, TRACKPOINT_ORDER, ["Time"]);
      const tpx = child(child(point, "Extensions"), "ns3:TPX");
      if (tpx) expectSequence(tpx, ["ns3:Speed", "ns3:RunCadence", "ns3:Watts"], []);
    }
    const first = points[0];
    expect(child(first, "Time")?.text).toBe("2026-05-02T07:12:05Z");
    expect(Number(child(child(first, "HeartRateBpm"), "Value")?.text)).toBe(ride.samples.heartRate?.[0]);
    expect(Number(child(child(child(first, "Extensions"), "ns3:TPX"), "ns3:Watts")?.text)).toBe(ride.samples.power?.[0]);
    expect(Number(child(first, "DistanceMeters")?.text)).toBe(ride.samples.distance?.[0]);
    const walk = (node: XmlNode) => {
      if (NUMERIC.has(node.name) && node.children.length === 0) expectPlainNumber(node.text, node.name);
      node.children.forEach(walk);
    };
    walk(doc);
  });

  it("running: Sport Running, cadence as TPX RunCadence; other sports: Other; file name", () => {
    const run = parseXml(encodeTcx({ ...ride, sport: "running", subSport: "treadmill" }));
    expect(child(child(run, "Activities"), "Activity")?.attrs.Sport).toBe("Running");
    expect(all(run, "Cadence")).toHaveLength(0);
    expect(all(run, "ns3:RunCadence").length).toBeGreaterThan(0);
    expect(child(child(parseXml(encodeTcx({ ...ride, sport: "rowing" })), "Activities"), "Activity")?.attrs.Sport).toBe("Other");
    expect(tcxFileName(ride, "America/Denver")).toBe("2026-05-02 01-12 Tom & Jerry's Climb.tcx");
  });

  it("an activity without samples still has one lap and no empty Track", () => {
    const empty = parseXml(encodeTcx({ ...ride, samples: {}, laps: [] }));
    const laps = all(empty, "Lap");
    expect(laps).toHaveLength(1);
    expect(all(empty, "Track")).toHaveLength(0);
    expect(child(laps[0], "Calories")?.text).toBe("0");
  });

  it("escapes and formats", () => {
    expect(escapeXml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    expect([formatNumber(12.5, 2), formatNumber(3, 2), formatNumber(0.1 + 0.2, 3), formatNumber(-1e-9, 3), formatNumber(1200, 1)]).toEqual(["12.5", "3", "0.3", "0", "1200"]);
  });
});
