//! zlib (deflate with a two-byte header and an Adler-32 checksum) through
//! `miniz_oxide`, with the output capped while it is produced.
//!
//! zlib rather than raw deflate: the checksum tells a changed link from a good
//! one for 6 bytes, and it is what `CompressionStream("deflate")` in browsers
//! and Python's `zlib.compress` write, so other tools can make deck links.

use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::core::inflate_flags::{
    TINFL_FLAG_PARSE_ZLIB_HEADER, TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
};
use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::error::LinkError;
use super::limits::MAX_INFLATED_BYTES;

/// miniz's best ratio short of its slow "uber" level 10.
const LEVEL: u8 = 9;

pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    compress_to_vec_zlib(bytes, LEVEL)
}

/// Inflates a zlib stream, stopping as soon as the output would pass
/// `MAX_INFLATED_BYTES`, so a deflate bomb costs at most that much work.
pub fn inflate(data: &[u8]) -> Result<Vec<u8>, LinkError> {
    let flags = TINFL_FLAG_PARSE_ZLIB_HEADER | TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut decompressor = Box::<DecompressorOxide>::default();
    let mut out = vec![0u8; data.len().saturating_mul(4).clamp(1024, MAX_INFLATED_BYTES)];
    let mut out_pos = 0;
    let mut read_total = 0;
    loop {
        let input = data.get(read_total..).unwrap_or_default();
        let (status, read, written) =
            decompress(&mut decompressor, input, &mut out, out_pos, flags);
        read_total += read;
        out_pos += written;
        match status {
            TINFLStatus::Done if read_total < data.len() => {
                return Err(LinkError::Corrupt {
                    detail: format!(
                        "{} bytes follow the end of the deck; was something added to the link?",
                        data.len() - read_total
                    ),
                })
            }
            TINFLStatus::Done => {
                out.truncate(out_pos);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput if out.len() >= MAX_INFLATED_BYTES => {
                return Err(LinkError::TooLarge {
                    limit: MAX_INFLATED_BYTES,
                })
            }
            TINFLStatus::HasMoreOutput => {
                let grown = out.len().saturating_mul(2).min(MAX_INFLATED_BYTES);
                out.resize(grown, 0);
            }
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                return Err(LinkError::Truncated {
                    detail: "the compressed deck ends early".into(),
                })
            }
            TINFLStatus::Adler32Mismatch => {
                return Err(LinkError::Corrupt {
                    detail: "its checksum does not match, so characters were changed on the way"
                        .into(),
                })
            }
            _ => {
                return Err(LinkError::Corrupt {
                    detail: "it is not valid compressed data".into(),
                })
            }
        }
    }
}
