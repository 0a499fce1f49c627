/* The planner's session pack: one printout of the agenda, each block's
   worksheet and the team overview (team-overzicht.js) of the scan's team
   result the plan came from. The team is the one the scan's team view keeps
   in this browser (the same localStorage key, which pages opened from disk
   share too); nothing is sent anywhere. Without a team result the pack says
   so in a line under the agenda. Every printed page of the planner carries a
   running title: the site, the session and the page number. */
(function () {
  'use strict';

  /** The pack for the planner's data `D` and strings `t(key, values)`. */
  window.WerkplaatsPakket = function packFor(D, t) {
    const $ = (id) => document.getElementById(id);
    const roleLabel = (r) => (r ? D.t['rol_' + r] || r : t('scan_rol_geen'));
    const overview = window.WerkplaatsTeamOverzicht ? window.WerkplaatsTeamOverzicht(D.elementen, t, roleLabel) : null;

    /** The team the scan's team view keeps in this browser, or none. */
    function storedTeam() {
      try {
        const saved = JSON.parse(localStorage.getItem(D.team_sleutel) || '[]');
        return Array.isArray(saved) ? saved.filter((m) => m && typeof m === 'object' && m.scores && m.antwoorden) : [];
      } catch (e) {
        return [];
      }
    }

    /** The team result `plan` came from: only a plan the team view proposed has one. */
    function teamOf(plan) {
      const fromTeam = Boolean(plan.van && plan.van.soort.startsWith('team-'));
      return { fromTeam, team: fromTeam && overview ? storedTeam() : [] };
    }

    /**
     * What the team would propose now, when that is not what the plan came
     * from (participants added or removed since): the codes, or null.
     */
    function changedFocus(plan, team) {
      const now = window.WerkplaatsTools.sessionFocus(window.WerkplaatsTools.teamStats(team, D.elementen))[plan.van.soort] || [];
      return now.join('+') === plan.van.codes.join('+') ? null : now;
    }

    /** Says what the pack holds: on screen by its button, and in print when there is no team or another one. */
    function contents(plan) {
      const { fromTeam, team } = teamOf(plan);
      const without = t(fromTeam ? 'plan_pakket_team_weg' : 'plan_pakket_geen_team');
      const changed = team.length ? changedFocus(plan, team) : null;
      const warning = changed ? t('plan_pakket_team_anders', { elementen: changed.join(', ') || '–' }) : '';
      $('plan-pakket-inhoud').textContent = team.length
        ? [t('plan_pakket_met_team', { n: team.length }), warning].filter(Boolean).join(' ')
        : without;
      $('pakket-zonder-team').textContent = team.length ? '' : without;
      $('afdruk-team-anders').textContent = warning;
      $('afdruk-team-anders').hidden = !warning;
      return team;
    }

    /** Draws the team overview (when there is a team) and marks the page for the pack's print. */
    function prepare(plan) {
      const team = contents(plan);
      const part = $('afdruk-team');
      part.hidden = team.length === 0;
      $('pakket-zonder-team').hidden = team.length > 0;
      if (team.length) {
        overview.reset();
        overview.draw(team);
        $('afdruk-team-wie').textContent = t('plan_pakket_wie', { n: team.length });
      }
      document.body.dataset.afdruk = 'pakket';
    }

    /** `text` as a CSS string: quotes and backslashes escaped, line breaks as spaces. */
    const cssString = (text) => '"' + String(text).replace(/[\\"]/g, '\\$&').replace(/[\r\n\f]+/g, ' ') + '"';

    /** Every printed page names the site and the session, and counts the pages. */
    function runningTitle(plan) {
      const style = $('plan-kop');
      const title = `${style.dataset.site} · ${plan.titel || t('plan_agenda')}`;
      const small = 'font-size: 8pt; color: #555;';
      style.textContent = `@page { @top-left { content: ${cssString(title)}; ${small} }`
        + ` @top-right { content: counter(page) " / " counter(pages); ${small} } }`;
    }

    return { contents, prepare, runningTitle };
  };
})();
