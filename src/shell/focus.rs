//! Where focus goes after the learner's action: the next step of the drill,
//! the feedback, timer, checklist or follow-up just shown, the mock round's
//! screen, a plan template. Only the learner's own steps move it; typing,
//! ticking and what other tabs do never do.

#[cfg(feature = "full")]
use crate::core::plan::TemplateKind;
use crate::core::session::{AnswerMsg, DrillMsg, Msg};
#[cfg(feature = "full")]
use crate::core::session::{MockMsg, PrepMsg};
use crate::ui::card::FocusTargets;
#[cfg(feature = "full")]
pub use crate::ui::mock_section::PrepFocus;
use yew::NodeRef;

/// The guest has no mock rounds or plan to focus in.
#[cfg(not(feature = "full"))]
#[derive(Default, PartialEq)]
pub struct PrepFocus(());

#[derive(Clone, Copy, PartialEq)]
pub enum FocusTo {
    /// The next step of the drill: "Show answer", the answer box or the model answer.
    Flow,
    Feedback,
    AloudStop,
    Checklist,
    FollowUp,
    /// The heading of the mock section's screen.
    #[cfg(feature = "full")]
    Mock,
    /// The first field of a plan template.
    #[cfg(feature = "full")]
    Template(TemplateKind),
}

pub fn focus_after(msg: &Msg) -> Option<FocusTo> {
    match msg {
        Msg::Drill(DrillMsg::Reveal)
        | Msg::Drill(DrillMsg::Grade(..))
        | Msg::Drill(DrillMsg::Undo)
        | Msg::Drill(DrillMsg::StartCram { .. })
        | Msg::Drill(DrillMsg::BackToToday(_)) => Some(FocusTo::Flow),
        #[cfg(feature = "full")]
        Msg::Drill(DrillMsg::DrillFirst(..)) | Msg::Drill(DrillMsg::PracticeTopics { .. }) => {
            Some(FocusTo::Flow)
        }
        #[cfg(feature = "full")]
        Msg::Mock(MockMsg::Prepare(_)) => Some(FocusTo::Mock),
        #[cfg(feature = "full")]
        Msg::Prep(PrepMsg::OpenTemplate(kind)) => Some(FocusTo::Template(*kind)),
        Msg::Answer(AnswerMsg::Check) => Some(FocusTo::Feedback),
        Msg::Answer(AnswerMsg::StartAloud(_)) => Some(FocusTo::AloudStop),
        Msg::Answer(AnswerMsg::StopAloud(_)) => Some(FocusTo::Checklist),
        Msg::Answer(
            AnswerMsg::StartFollowUps | AnswerMsg::NextFollowUp | AnswerMsg::StopFollowUps,
        ) => Some(FocusTo::FollowUp),
        _ => None,
    }
}

/// The element for `target`, given what is on screen.
pub fn target<'a>(
    target: FocusTo,
    (revealed, typed): (bool, bool),
    focus: &'a FocusTargets,
    #[cfg_attr(not(feature = "full"), allow(unused_variables))] prep: &'a PrepFocus,
) -> &'a NodeRef {
    match target {
        FocusTo::Flow if revealed => &focus.answer,
        FocusTo::Flow if typed => &focus.answer_box,
        FocusTo::Flow => &focus.reveal,
        FocusTo::Feedback => &focus.feedback,
        FocusTo::AloudStop => &focus.aloud_stop,
        FocusTo::Checklist => &focus.checklist,
        FocusTo::FollowUp => &focus.follow_up,
        #[cfg(feature = "full")]
        FocusTo::Mock => &prep.mock,
        #[cfg(feature = "full")]
        FocusTo::Template(TemplateKind::IncidentStory) => &prep.templates.incident,
        #[cfg(feature = "full")]
        FocusTo::Template(TemplateKind::ProjectRefresh) => &prep.templates.project,
    }
}

/// Moves focus to `node`, if it is on screen.
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
