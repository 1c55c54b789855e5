//! Choose a topic, or all of them. Native radio buttons, so arrow keys work
//! and screen readers announce the group and the counts.

use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct TopicOption {
    pub slug: AttrValue,
    pub title: AttrValue,
    pub count: usize,
}

#[derive(Properties, PartialEq)]
pub struct TopicFilterProps {
    /// Unique per widget, so several widgets on a page keep separate groups.
    pub group: AttrValue,
    pub options: Vec<TopicOption>,
    pub total: usize,
    pub selected: Option<AttrValue>,
    pub on_choose: Callback<Option<AttrValue>>,
}

#[component]
pub fn TopicFilter(props: &TopicFilterProps) -> Html {
    let choice = |value: Option<AttrValue>, label: String| {
        let checked = props.selected == value;
        let on_choose = props.on_choose.clone();
        let onchange = Callback::from(move |_: Event| on_choose.emit(value.clone()));
        html! {
            <label class="idrill-topic">
                <input type="radio" name={props.group.clone()} {checked} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    html! {
        <fieldset class="idrill-topics">
            <legend>{ "Topic" }</legend>
            { choice(None, format!("All topics ({})", props.total)) }
            { for props.options.iter().map(|o| choice(Some(o.slug.clone()), format!("{} ({})", o.title, o.count))) }
        </fieldset>
    }
}
