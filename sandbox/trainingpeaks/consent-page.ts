import { escapeHtml } from "../shared/http";
import { athleteName, type SeedAthlete } from "./athletes";
import { renderPage } from "./page-layout";
import { SCOPE_DESCRIPTIONS } from "./scopes";
import type { TpWorkout } from "./workouts";

export interface ConsentPageInput {
  appName: string;
  scopes: string[];
  athletes: readonly SeedAthlete[];
  selectedAthleteId: number;
  /** The original authorize parameters, echoed back as hidden inputs. */
  hidden: Record<string, string>;
  nonce: string;
  redirectOrigin: string;
}

export function renderConsentPage(input: ConsentPageInput): string {
  const app = escapeHtml(input.appName);
  const options = input.athletes
    .map((athlete) => {
      const selected = athlete.id === input.selectedAthleteId ? " selected" : "";
      const plan = athlete.isPremium ? "Premium" : "Basic";
      return `<option value="${athlete.id}"${selected}>${escapeHtml(athleteName(athlete))} (${plan}, ${escapeHtml(athlete.email)})</option>`;
    })
    .join("");
  const selected = input.athletes.find((athlete) => athlete.id === input.selectedAthleteId) ?? input.athletes[0];
  const scopes = input.scopes
    .map(
      (scope) =>
        `<li><span class="scope-text">${escapeHtml(SCOPE_DESCRIPTIONS[scope] ?? scope)}</span><code>${escapeHtml(scope)}</code></li>`,
    )
    .join("");
  const hidden = Object.entries(input.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const body = `<section class="card" aria-labelledby="consent-title">
<h1 id="consent-title">${app} wants to access your TrainingPeaks account</h1>
<p>Review what ${app} will be able to do. You can revoke access at any time in your TrainingPeaks settings.</p>
<form method="post" action="/OAuth/Authorize">
${hidden}
<input type="hidden" name="csrf_nonce" value="${escapeHtml(input.nonce)}">
<div class="account">
<p>Signed in to TrainingPeaks as <strong data-testid="signed-in-athlete">${escapeHtml(selected ? athleteName(selected) : "")}</strong></p>
<label for="athlete">Switch athlete</label>
<select id="athlete" name="athlete">${options}</select>
</div>
<h2 class="section-title">${app} will be able to:</h2>
<ul class="scopes">${scopes}</ul>
<div class="actions">
<button class="primary" type="submit" name="decision" value="authorize">Authorize</button>
<button class="secondary" type="submit" name="decision" value="deny">Deny</button>
</div>
<p class="fineprint">You will be sent back to ${escapeHtml(input.redirectOrigin)}.</p>
</form>
</section>
<script>
document.getElementById("athlete").addEventListener("change", function (event) {
  var option = event.target.selectedOptions[0];
  document.querySelector("[data-testid=signed-in-athlete]").textContent = option ? option.textContent.replace(/ \\(.*$/, "") : "";
});
</script>`;
  return renderPage(`Authorize ${input.appName} | TrainingPeaks`, body);
}

/** The page behind a workout's `Url`: a stand-in for the TrainingPeaks web app. */
export function renderWorkoutPage(workout: TpWorkout, athlete: SeedAthlete | undefined): string {
  const rows: [string, string][] = [
    ["Athlete", athlete ? athleteName(athlete) : String(workout.AthleteId)],
    ["Date", workout.WorkoutDay.slice(0, 10)],
    ["Type", workout.WorkoutType],
    ["Status", workout.Completed ? "Completed" : "Planned"],
  ];
  if (workout.TotalTime !== null) rows.push(["Duration", `${Math.round(workout.TotalTime * 60)} min`]);
  if (workout.TssActual !== null) rows.push(["TSS", String(workout.TssActual)]);
  const list = rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join("");
  return renderPage(`${workout.Title} | TrainingPeaks`, `<section class="card"><h1>${escapeHtml(workout.Title)}</h1><dl>${list}</dl></section>`);
}
