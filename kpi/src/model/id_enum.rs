//! `id_enum!`: a closed list of choices with a stable snake_case id that is also its
//! serialized form, as every choice field of the model needs (status, kind, source…).

/// Declares `pub enum $name` whose variants serialize as the given ids, with
/// `ALL` (form order), `id()`, `from_id()`, and `Default` = the first variant.
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant),+
        }

        impl $name {
            /// Every choice, in form order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable id, equal to the serialized form.
            pub const fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id),+
                }
            }

            /// The choice with this id.
            pub fn from_id(id: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.id() == id)
            }
        }

        impl Default for $name {
            /// The first choice.
            fn default() -> Self {
                $name::ALL[0]
            }
        }
    };
}

pub(crate) use id_enum;
