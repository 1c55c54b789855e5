//! The embed code generator on the practice page: choose the options, watch a
//! live preview, copy the snippet. Copying and the preview drill are the
//! shell's (`shell::generator`).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::bank::BUILTIN_TOPICS;
use crate::core::config::{Config, DrillMode, Theme};
use crate::core::snippet::{snippet, SnippetKind};

#[derive(Properties, PartialEq)]
pub struct GeneratorProps {
    /// The folder that holds embed.js, ending in `/`.
    pub base: AttrValue,
    /// Copy this text; the callback hears whether it worked.
    pub on_copy: Callback<(String, Callback<bool>)>,
    /// Renders the preview drill of these options.
    pub preview: Callback<Config, Html>,
}

#[component]
pub fn Generator(props: &GeneratorProps) -> Html {
    let config = use_state(Config::default);
    let kind = use_state(|| SnippetKind::Script);
    let status = use_state(String::new);
    // Shown on request, so the page opens with one drill, not two.
    let previewing = use_state(|| false);
    let text = snippet(&config, &props.base, *kind);

    let toggle_topic = |slug: &'static str| {
        let config = config.clone();
        Callback::from(move |event: Event| {
            let checked = event
                .target_dyn_into::<HtmlInputElement>()
                .is_some_and(|i| i.checked());
            let mut next = (*config).clone();
            next.topics.retain(|t| t != slug);
            if checked {
                next.topics.push(slug.to_string());
                // Keep the deck's order, so equal choices give equal snippets.
                next.topics
                    .sort_by_key(|t| BUILTIN_TOPICS.iter().position(|(s, _)| s == t));
            }
            config.set(next);
        })
    };
    let on_select = |apply: fn(&mut Config, &str)| {
        let config = config.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let mut next = (*config).clone();
                apply(&mut next, &select.value());
                config.set(next);
            }
        })
    };
    let on_difficulty = on_select(|c, v| c.difficulty = v.parse().ok());
    let on_mode = on_select(|c, v| {
        c.mode = match v {
            "typed" => DrillMode::Typed,
            "mock" => DrillMode::Mock,
            _ => DrillMode::Flashcards,
        }
    });
    let on_theme = on_select(|c, v| {
        c.theme = match v {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    });
    let on_questions = {
        let config = config.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                let mut next = (*config).clone();
                next.questions = input
                    .value()
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=200).contains(n));
                config.set(next);
            }
        })
    };
    let on_kind = |chosen: SnippetKind| {
        let kind = kind.clone();
        Callback::from(move |_: Event| kind.set(chosen))
    };
    let on_copy = {
        let text = text.clone();
        let status = status.clone();
        let copy = props.on_copy.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let done = Callback::from(move |worked: bool| {
                status.set(if worked {
                    "Snippet copied to the clipboard.".into()
                } else {
                    "Copying is blocked here: select the snippet and copy it with Ctrl+C or ⌘C."
                        .into()
                });
            });
            copy.emit((text.clone(), done));
        })
    };

    html! {
        <section class="idrill idrill-theme-auto idrill-generator" aria-labelledby="idrill-generator-title">
            <h2 id="idrill-generator-title">{ "Embed a drill on your blog" }</h2>
            <p class="idrill-how">{ "Choose what the drill covers, see it below, and paste the snippet into any page." }</p>
            <fieldset class="idrill-topics">
                <legend>{ "Topics (none chosen: all)" }</legend>
                { for BUILTIN_TOPICS.iter().map(|(slug, title)| html! {
                    <label class="idrill-topic">
                        <input type="checkbox" checked={config.topics.iter().any(|t| t == slug)} onchange={toggle_topic(slug)} />
                        <span>{ *title }</span>
                    </label>
                }) }
            </fieldset>
            <p class="idrill-field">
                <label for="idrill-gen-difficulty">{ "Difficulty" }</label>
                <select id="idrill-gen-difficulty" onchange={on_difficulty}>
                    <option value="" selected={config.difficulty.is_none()}>{ "Any" }</option>
                    <option value="1" selected={config.difficulty == Some(1)}>{ "Warm-up" }</option>
                    <option value="2" selected={config.difficulty == Some(2)}>{ "Core" }</option>
                    <option value="3" selected={config.difficulty == Some(3)}>{ "Senior" }</option>
                </select>
                <label for="idrill-gen-mode">{ "Mode" }</label>
                <select id="idrill-gen-mode" onchange={on_mode}>
                    <option value="flashcards" selected={config.mode == DrillMode::Flashcards}>{ "Flashcards" }</option>
                    <option value="typed" selected={config.mode == DrillMode::Typed}>{ "Typed answers" }</option>
                    <option value="mock" selected={config.mode == DrillMode::Mock}>{ "Timed mock round" }</option>
                </select>
                <label for="idrill-gen-theme">{ "Theme" }</label>
                <select id="idrill-gen-theme" onchange={on_theme}>
                    <option value="auto" selected={config.theme == Theme::Auto}>{ "Follow the reader's system" }</option>
                    <option value="light" selected={config.theme == Theme::Light}>{ "Light" }</option>
                    <option value="dark" selected={config.theme == Theme::Dark}>{ "Dark" }</option>
                </select>
                <label for="idrill-gen-questions">{ "Questions per session" }</label>
                <input id="idrill-gen-questions" type="number" min="1" max="200" placeholder="all" onchange={on_questions} />
            </p>
            <fieldset class="idrill-topics">
                <legend>{ "Snippet" }</legend>
                <label class="idrill-topic">
                    <input type="radio" name="idrill-gen-kind" checked={*kind == SnippetKind::Script} onchange={on_kind(SnippetKind::Script)} />
                    <span>{ "Script and div (shares progress across your pages)" }</span>
                </label>
                <label class="idrill-topic">
                    <input type="radio" name="idrill-gen-kind" checked={*kind == SnippetKind::Iframe} onchange={on_kind(SnippetKind::Iframe)} />
                    <span>{ "Iframe (fully isolated)" }</span>
                </label>
            </fieldset>
            <pre tabindex="0" aria-label="Embed snippet"><code>{ text.clone() }</code></pre>
            <p class="idrill-actions">
                <button type="button" class="idrill-primary" onclick={on_copy}>{ "Copy snippet" }</button>
                <span role="status">{ (*status).clone() }</span>
            </p>
            <p>
                <button type="button" aria-expanded={previewing.to_string()} aria-controls="idrill-gen-preview"
                    onclick={let p = previewing.clone(); move |_| p.set(!*p)}>
                    { if *previewing { "Hide preview" } else { "Show preview" } }
                </button>
            </p>
            <div class="idrill-preview" id="idrill-gen-preview" role="region" aria-label="Preview">
                if *previewing {
                    // Keyed by the options in the shell: new options start a new drill.
                    { props.preview.emit((*config).clone()) }
                }
            </div>
        </section>
    }
}
