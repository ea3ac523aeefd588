// The manager page's "Routing rules": the ordered rules of GET /api/agent/routing-rules as one form each, to edit,
// add, move up and down, switch on and off, remove, and save as a whole list (PUT). A refused list keeps the page
// as it is and shows the desk's reason, which names the rule and the field. Every text is set as text or as an
// input's value, never as HTML.
'use strict';

const routingRules = { rules: [] };

// The list fields: shown as comma-separated text, sent as lists.
const RULE_LISTS = [
  ['channels', 'Channels (email, sms, web-chat, mobile-app, wap, tv, voice)'],
  ['senders', 'Sender addresses or domains (*@bigcorp.example, +4860*)'],
  ['writtenTo', 'Written to (an email\u2019s mailbox)'],
  ['words', 'Words in the text'],
  ['languages', 'Languages (en, pl)'],
  ['days', 'Days (MON, TUE, \u2026 SUN)'],
  ['regions', 'Regions'],
];

async function loadRoutingRules() {
  const result = await api('GET', '/routing-rules');
  if (result.ok) {
    routingRules.rules = result.json.rules || [];
    showRoutingRules();
  } else {
    notice(result.json.message);
  }
}

function ruleField(labelText, input) {
  const label = document.createElement('label');
  label.append(document.createTextNode(labelText + ' '), input);
  return label;
}

function textInput(name, value, placeholder) {
  const input = document.createElement('input');
  input.name = name;
  input.value = value == null ? '' : String(value);
  if (placeholder) {
    input.placeholder = placeholder;
  }
  return input;
}

function ruleButton(text, label, action) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.setAttribute('aria-label', label);
  button.dataset.action = text.toLowerCase();
  button.addEventListener('click', action);
  return button;
}

function ruleForm(rule, index) {
  const when = rule.conditions || {};
  const then = rule.actions || {};
  const li = document.createElement('li');
  li.className = 'rule';
  li.dataset.rule = rule.name || '';
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = 'Rule ' + (index + 1) + (rule.name ? ': ' + rule.name : '');
  const enabled = document.createElement('input');
  enabled.type = 'checkbox';
  enabled.name = 'enabled';
  enabled.checked = rule.enabled !== false;
  fieldset.append(legend, ruleField('Name', textInput('name', rule.name)), ruleField('Enabled', enabled));
  const conditions = document.createElement('fieldset');
  const conditionsLegend = document.createElement('legend');
  conditionsLegend.textContent = 'When (every condition given must hold)';
  conditions.append(conditionsLegend);
  for (const [field, text] of RULE_LISTS) {
    conditions.append(ruleField(text, textInput(field, (when[field] || []).join(', '))));
  }
  conditions.append(ruleField('From (HH:mm)', textInput('from', when.from, '09:00')),
    ruleField('Until (HH:mm)', textInput('until', when.until, '17:00')));
  const actions = document.createElement('fieldset');
  const actionsLegend = document.createElement('legend');
  actionsLegend.textContent = 'Then';
  const priority = textInput('priority', then.priority || 0);
  priority.type = 'number';
  priority.min = '0';
  priority.max = '100';
  actions.append(actionsLegend, ruleField('Team', textInput('team', then.team)),
    ruleField('Skill', textInput('skill', then.skill)), ruleField('Priority (0 to 100)', priority),
    ruleField('Acknowledgement ({wait}, {position})', textInput('acknowledgement', then.acknowledgement)),
    ruleField('Tags', textInput('tags', (then.tags || []).join(', '))));
  const name = rule.name || 'new rule';
  const buttons = document.createElement('div');
  buttons.className = 'actions';
  buttons.append(ruleButton('Up', 'Move ' + name + ' up', () => moveRule(index, -1)),
    ruleButton('Down', 'Move ' + name + ' down', () => moveRule(index, 1)),
    ruleButton('Remove', 'Remove ' + name, () => removeRule(index)));
  fieldset.append(conditions, actions, buttons);
  li.append(fieldset);
  return li;
}

function showRoutingRules() {
  $('rule-list').replaceChildren(...routingRules.rules.map(ruleForm));
  $('rule-count').textContent = String(routingRules.rules.length);
}

function listOf(text) {
  return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

// The rules as the forms hold them now, in their order.
function rulesOnPage() {
  return [...document.querySelectorAll('#rule-list > li.rule')].map((li) => {
    const value = (name) => li.querySelector('[name="' + name + '"]').value.trim();
    const conditions = {};
    for (const [field] of RULE_LISTS) {
      conditions[field] = listOf(value(field));
    }
    conditions.from = value('from') || null;
    conditions.until = value('until') || null;
    const priority = value('priority');
    return {
      name: value('name'),
      enabled: li.querySelector('[name="enabled"]').checked,
      conditions,
      actions: {
        team: value('team') || null,
        skill: value('skill') || null,
        priority: priority === '' ? 0 : Number(priority),
        acknowledgement: value('acknowledgement') || null,
        tags: listOf(value('tags')),
      },
    };
  });
}

function moveRule(index, by) {
  const rules = rulesOnPage();
  const to = index + by;
  if (to < 0 || to >= rules.length) {
    return;
  }
  [rules[index], rules[to]] = [rules[to], rules[index]];
  routingRules.rules = rules;
  showRoutingRules();
}

function removeRule(index) {
  const rules = rulesOnPage();
  rules.splice(index, 1);
  routingRules.rules = rules;
  showRoutingRules();
}

function addRule() {
  routingRules.rules = rulesOnPage().concat([{ name: '', enabled: true, conditions: {}, actions: {} }]);
  showRoutingRules();
  const forms = document.querySelectorAll('#rule-list > li.rule');
  forms[forms.length - 1].querySelector('[name="name"]').focus();
}

async function saveRules() {
  const result = await api('PUT', '/routing-rules', { rules: rulesOnPage() });
  if (result.ok) {
    routingRules.rules = result.json.rules || [];
    showRoutingRules();
    $('rules-saved').textContent = 'Saved ' + routingRules.rules.length + ' rule(s): in force for the next customer.';
    notice('');
  } else {
    $('rules-saved').textContent = '';
    notice(result.json.message);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('rule-add').addEventListener('click', addRule);
  $('rules-save').addEventListener('click', saveRules);
});
